import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';

@InputType({ description: 'A span of time, by when the customer spoke.' })
export class OverviewRangeInput {
  @Field({ description: 'From (inclusive).' })
  from!: Date;

  @Field({ description: 'To (exclusive); at most 731 days after from.' })
  to!: Date;
}

@ObjectType({
  description: 'One step of the loop in the flow: a source, a theme group or a stage.',
})
export class LoopFlowNode {
  @Field({
    description:
      'source:<name>, theme:<id>, theme:other, theme:none, action:yes, action:no, shipped or told.',
  })
  id!: string;

  @Field({ description: 'source, theme, action, shipped or told' })
  kind!: string;

  @Field({ description: 'What to show: a source name, a theme label or the stage.' })
  label!: string;

  @Field(() => Int, { description: 'Feedback items that reach this node.' })
  count!: number;
}

@ObjectType({ description: 'Feedback items that move from one node to the next.' })
export class LoopFlowLink {
  @Field()
  source!: string;

  @Field()
  target!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({
  description:
    'Where feedback went: sources → themes (the largest, the other themes, not yet in a theme) → has an action or not → shipped → customers told.',
})
export class LoopFlow {
  @Field(() => Int, { description: 'Feedback in the range.' })
  total!: number;

  @Field(() => [LoopFlowNode])
  nodes!: LoopFlowNode[];

  @Field(() => [LoopFlowLink], { description: 'Only links that carry feedback.' })
  links!: LoopFlowLink[];
}

@ObjectType({ description: 'Feedback of one source in one journey stage.' })
export class ExperienceCell {
  @Field()
  source!: string;

  @Field()
  journeyStage!: string;

  @Field(() => Int)
  volume!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean sentiment (−1 … 1) of the items that have one.',
  })
  meanSentiment!: number | null;
}

@ObjectType({ description: 'NPS, CSAT and sentiment of one week (Monday, UTC).' })
export class SatisfactionWeek {
  @Field({ description: 'The Monday, YYYY-MM-DD.' })
  week!: string;

  @Field(() => Int)
  npsResponses!: number;

  @Field(() => Float, {
    nullable: true,
    description: '% promoters − % detractors of the NPS responses (−100 … 100).',
  })
  nps!: number | null;

  @Field(() => Int)
  csatResponses!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Share (0 … 1) of CSAT responses scoring 4 or 5.',
  })
  csat!: number | null;

  @Field(() => Int, { description: 'Items with a sentiment.' })
  sentimentItems!: number;

  @Field(() => Float, { nullable: true })
  meanSentiment!: number | null;
}
