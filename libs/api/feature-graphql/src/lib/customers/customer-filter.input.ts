import { Field, InputType } from '@nestjs/graphql';
import { FeedbackSourceKind } from '../feedback/feedback-enums';

@InputType({ description: 'Narrows the customer list; every given condition must hold.' })
export class CustomerFilterInput {
  @Field(() => String, {
    nullable: true,
    description: 'Text the email or name contains (case-insensitive).',
  })
  search?: string | null;

  @Field(() => FeedbackSourceKind, {
    nullable: true,
    description: 'Only customers who gave feedback through this source.',
  })
  source?: FeedbackSourceKind | null;
}
