import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What erasing a customer (GDPR) did.' })
export class CustomerErasure {
  @Field(() => ID)
  customerId!: string;

  @Field(() => Date)
  erasedAt!: Date;

  @Field(() => Int, { description: 'Feedback items whose text and details were erased.' })
  feedbackErased!: number;

  @Field(() => Int, { description: 'Notices still to send that were suppressed.' })
  noticesSuppressed!: number;

  @Field(() => Int, {
    description:
      'Dead letters that held their email, an identity, an event key or their words: their bytes, key and headers erased, and discarded.',
  })
  deadLettersErased!: number;
}
