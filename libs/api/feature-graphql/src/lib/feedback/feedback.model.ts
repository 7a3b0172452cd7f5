import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Customer } from '../customers/customer.model';
import { ThemeReason } from './theme-reason.model';

@ObjectType({ description: 'One piece of customer feedback, stored once, its text redacted.' })
export class Feedback {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Idempotency key: source and the source’s own id.' })
  eventKey!: string;

  @Field()
  source!: string;

  @Field()
  occurredAt!: Date;

  @Field()
  receivedAt!: Date;

  @Field(() => String, { nullable: true })
  text!: string | null;

  @Field(() => String, { nullable: true })
  metric!: string | null;

  @Field(() => Int, { nullable: true })
  score!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'promoter / passive / detractor, or the CSAT / CES band',
  })
  scoreBand!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 639-1 language, or und when too short to tell',
  })
  language!: string | null;

  @Field(() => Float, { nullable: true, description: '-1 (negative) to 1 (positive)' })
  sentiment!: number | null;

  @Field(() => String, { nullable: true, description: 'negative, neutral or positive' })
  sentimentLabel!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'discover, buy, onboard, use, support, renew or leave',
  })
  journeyStage!: string | null;

  @Field({ description: 'A negative public post with high reach that deserves a public answer.' })
  needsPublicAnswer!: boolean;

  @Field(() => ID, {
    nullable: true,
    description: 'The theme it is in; null until themed, or when set aside as noise.',
  })
  themeId!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Similarity to its theme when placed, 0 to 1.',
  })
  themeSimilarity!: number | null;

  @Field(() => ThemeReason, {
    nullable: true,
    description: 'Why it is in its theme: shared terms and similarity; null until themed.',
  })
  themeReason!: ThemeReason | null;

  @Field(() => Customer, { nullable: true, description: 'Null for an anonymous customer.' })
  customer!: Customer | null;
}
