import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class ImpactWeek {
  @Field(() => Int, { description: 'Weeks from the ship day: −W…−1 before, 0…W−1 after.' })
  offset!: number;

  @Field({ description: 'First day of the bucket, YYYY-MM-DD.' })
  start!: string;

  @Field(() => Int)
  volume!: number;

  @Field(() => Float, { nullable: true })
  meanSentiment!: number | null;
}

@ObjectType()
export class ImpactSide {
  @Field(() => [ImpactWeek])
  weeks!: ImpactWeek[];

  @Field(() => Int)
  volume!: number;

  @Field(() => Float)
  weeklyVolume!: number;

  @Field(() => Float, { nullable: true })
  meanSentiment!: number | null;

  @Field(() => Float, { nullable: true })
  negativeShare!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'NPS of distinct customers (latest answer each).',
  })
  nps!: number | null;

  @Field(() => Int)
  npsCustomers!: number;
}

@ObjectType({ description: 'An action’s themes before and after its ship day.' })
export class ActionImpact {
  @Field()
  shipDay!: string;

  @Field(() => Int)
  windowWeeks!: number;

  @Field(() => ImpactSide)
  before!: ImpactSide;

  @Field(() => ImpactSide)
  after!: ImpactSide;
}
