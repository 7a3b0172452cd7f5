import { Field, Int, ObjectType } from '@nestjs/graphql';
import { SubmissionStatus } from './ingest-enums';

@ObjectType({
  description:
    'The answer for one submitted event, given once Kafka acknowledged the accepted ones.',
})
export class SubmissionResult {
  @Field(() => Int, {
    description: 'Position of the event in the request (0 for single submissions).',
  })
  index!: number;

  @Field(() => SubmissionStatus)
  status!: SubmissionStatus;

  @Field(() => String, {
    nullable: true,
    description: 'source:externalId, when the event had them.',
  })
  eventKey!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The input field that was wrong, for REJECTED.',
  })
  field!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => String, { nullable: true })
  correlationId!: string | null;
}

@ObjectType()
export class BatchSubmissionResult {
  @Field(() => Int)
  accepted!: number;

  @Field(() => Int)
  duplicates!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => [SubmissionResult])
  results!: SubmissionResult[];
}
