import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One person, across every channel they spoke through.' })
export class Customer {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Date, { nullable: true })
  unsubscribedAt!: Date | null;

  /** Filled by the customer list and customer(id); resolved on demand elsewhere. */
  feedbackCount?: number;
}
