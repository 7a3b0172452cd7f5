import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ActionStatusValue } from './action-status.enum';

@ObjectType()
export class ActionHistoryEntry {
  @Field()
  actor!: string;

  @Field(() => ActionStatusValue, { nullable: true })
  fromStatus!: ActionStatusValue | null;

  @Field(() => ActionStatusValue)
  toStatus!: ActionStatusValue;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field()
  at!: Date;
}

@ObjectType({ description: 'Something the company does about what customers said.' })
export class Action {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field()
  owner!: string;

  @Field(() => ActionStatusValue)
  status!: ActionStatusValue;

  @Field(() => String, { nullable: true })
  declineReason!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  shippedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  announcedAt!: Date | null;
}
