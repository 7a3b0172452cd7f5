import { Field, InputType } from '@nestjs/graphql';
import { FeedbackSourceKind, SentimentLabel } from '../feedback/feedback-enums';

@InputType({
  description:
    'Narrows an announcement’s audience (customers with feedback in the action’s themes or linked to it); every field optional.',
})
export class AudienceFilterInput {
  @Field(() => [FeedbackSourceKind], {
    nullable: true,
    description: 'Feedback from these sources.',
  })
  sources?: FeedbackSourceKind[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Customers whose CRM account is in this segment (from CRM records).',
  })
  segment?: string | null;

  @Field(() => Date, { nullable: true, description: 'Feedback given at or after.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Feedback given before.' })
  to?: Date | null;

  @Field(() => [SentimentLabel], { nullable: true, description: 'Feedback with these sentiments.' })
  sentiment?: SentimentLabel[] | null;
}
