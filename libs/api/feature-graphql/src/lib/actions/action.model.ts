import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ActionStatusValue } from './action-status.enum';

@ObjectType({ description: 'A person who owns actions (a portal user).' })
export class ActionOwner {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  email!: string;
}

@ObjectType({ description: 'One entry of an action’s audit trail.' })
export class ActionHistoryEntry {
  @Field({ description: 'Who: a user’s name, `system`, or `unknown` when nobody was signed in.' })
  actor!: string;

  @Field(() => ID, { nullable: true, description: 'The acting user; null for the system.' })
  actorId!: string | null;

  @Field({
    description:
      'created, status, announced, theme_linked, theme_unlinked, feedback_linked, owner_changed, target_date_changed, details_changed, comment, regression',
  })
  kind!: string;

  @Field(() => ActionStatusValue, { nullable: true })
  fromStatus!: ActionStatusValue | null;

  @Field(() => ActionStatusValue, { nullable: true })
  toStatus!: ActionStatusValue | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field()
  at!: Date;
}

@ObjectType()
export class ActionComment {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  authorId!: string | null;

  @Field()
  author!: string;

  @Field()
  body!: string;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'A shipped action whose themes came back above their pre-ship level.' })
export class ActionRegression {
  @Field(() => ID)
  id!: string;

  @Field()
  shippedAt!: Date;

  @Field()
  detectedAt!: Date;

  @Field(() => [String], { description: 'volume, negative_share' })
  reasons!: string[];

  @Field()
  baselineWeeklyVolume!: number;

  @Field()
  afterWeeklyVolume!: number;

  @Field()
  baselineNegativeShare!: number;

  @Field()
  afterNegativeShare!: number;

  @Field()
  message!: string;

  @Field(() => Date, { nullable: true, description: 'Set when the action shipped again.' })
  resolvedAt!: Date | null;
}

@ObjectType({ description: 'Something the company does about what customers said.' })
export class Action {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => ID, { nullable: true })
  ownerId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The free-text owner of an action created before owners were users.',
  })
  legacyOwner!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  targetDate!: string | null;

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

  @Field(() => Date, { nullable: true, description: 'When a regression last reopened it.' })
  reopenedAt!: Date | null;
}
