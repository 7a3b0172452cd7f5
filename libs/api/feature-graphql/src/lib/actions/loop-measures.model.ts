import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum LoopBreakdownBy {
  SOURCE = 'source',
  THEME = 'theme',
  OWNER = 'owner',
}

registerEnumType(LoopBreakdownBy, { name: 'LoopBreakdownBy' });

@InputType()
export class LoopFilterInput {
  @Field({ description: 'From (inclusive), by when the customer spoke.' })
  from!: Date;

  @Field({ description: 'To (exclusive).' })
  to!: Date;

  @Field(() => String, { nullable: true, description: 'survey, social, crm or staff' })
  source?: string | null;

  @Field(() => ID, { nullable: true })
  themeId?: string | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;
}

@ObjectType()
export class OpenLoopBucket {
  @Field({ description: '<7d, 7-30d, 30-90d, >90d' })
  age!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'How well the loop closes for a set of feedback.' })
export class LoopFigures {
  @Field(() => String, {
    nullable: true,
    description: 'The week (Monday), source, theme id or owner id of the row; null overall.',
  })
  key!: string | null;

  @Field(() => Int, { description: 'Feedback in scope.' })
  feedback!: number;

  @Field(() => Int, { description: 'Feedback in themes that have an action (or linked to one).' })
  actioned!: number;

  @Field(() => Float, { nullable: true })
  actionedShare!: number | null;

  @Field(() => Int, { description: 'Actioned feedback whose customers were told.' })
  told!: number;

  @Field(() => Float, { nullable: true })
  toldShare!: number | null;

  @Field(() => Float, { nullable: true })
  medianHoursToAction!: number | null;

  @Field(() => Float, { nullable: true })
  medianHoursToShip!: number | null;

  @Field(() => Float, { nullable: true })
  medianHoursToNotice!: number | null;

  @Field(() => [OpenLoopBucket], { description: 'Actioned feedback not yet told, by age.' })
  openLoops!: OpenLoopBucket[];
}

@ObjectType()
export class LoopMeasures {
  @Field(() => LoopFigures)
  overall!: LoopFigures;

  @Field(() => [LoopFigures], {
    description: 'One row per week (Monday, UTC) with feedback or actioned items.',
  })
  weekly!: LoopFigures[];
}

@ObjectType({ description: 'A portal message to an action’s owner, e.g. a regression.' })
export class OwnerNotice {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  actionId!: string;

  @Field()
  kind!: string;

  @Field()
  message!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;
}
