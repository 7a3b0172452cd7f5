import { Field, ID, InputType } from '@nestjs/graphql';
import { MetadataEntryInput } from './metadata-entry.input';

@InputType({
  description:
    'What a front-line employee noticed; leave the customer out for an anonymous customer.',
})
export class SubmitStaffReportInput {
  @Field({ description: 'The staff app’s id of the report.' })
  externalId!: string;

  @Field()
  occurredAt!: string;

  @Field()
  employeeId!: string;

  @Field()
  team!: string;

  @Field()
  observation!: string;

  @Field(() => ID, { nullable: true, description: 'The research prompt this report answers.' })
  promptId?: string | null;

  @Field(() => String, { nullable: true })
  customerEmail?: string | null;

  @Field(() => String, { nullable: true })
  customerName?: string | null;

  @Field(() => String, { nullable: true })
  customerExternalId?: string | null;

  @Field(() => [MetadataEntryInput], { nullable: true })
  metadata?: MetadataEntryInput[] | null;
}
