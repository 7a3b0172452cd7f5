import { Field, InputType, Int } from '@nestjs/graphql';
import { SurveyChannel, SurveyMetric } from './ingest-enums';
import { MetadataEntryInput } from './metadata-entry.input';

@InputType({ description: 'One survey response, as an integrator sends it.' })
export class SubmitSurveyResponseInput {
  @Field({
    description:
      'The survey tool’s own id of this response; with the source it is the idempotency key.',
  })
  externalId!: string;

  @Field({ description: 'When the customer answered (ISO 8601 with offset).' })
  occurredAt!: string;

  @Field(() => String, { nullable: true })
  customerEmail?: string | null;

  @Field(() => String, { nullable: true })
  customerName?: string | null;

  @Field(() => String, { nullable: true, description: 'The survey tool’s id of the respondent.' })
  customerExternalId?: string | null;

  @Field()
  surveyId!: string;

  @Field(() => String, { nullable: true })
  questionId?: string | null;

  @Field(() => SurveyMetric)
  metric!: SurveyMetric;

  @Field(() => Int)
  score!: number;

  @Field(() => String, { nullable: true })
  comment?: string | null;

  @Field(() => SurveyChannel, { nullable: true })
  channel?: SurveyChannel | null;

  @Field(() => String, { nullable: true })
  touchpoint?: string | null;

  @Field(() => [MetadataEntryInput], { nullable: true })
  metadata?: MetadataEntryInput[] | null;
}
