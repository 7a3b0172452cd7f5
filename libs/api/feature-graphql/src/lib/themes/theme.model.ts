import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ThemeStatus {
  ACTIVE = 'active',
  NOISE = 'noise',
  MERGED = 'merged',
}
registerEnumType(ThemeStatus, {
  name: 'ThemeStatus',
  description: 'active; noise (set aside, by the machine or a person); merged (see mergedInto)',
});

@ObjectType({
  description:
    'A group of feedback saying the same thing, found by the theme engine and corrected by people.',
})
export class Theme {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Short key phrase; the machine relabels it until a person renames it.' })
  label!: string;

  @Field({ description: 'machine, or manual once a person renamed the theme' })
  labelSource!: string;

  @Field(() => ThemeStatus)
  status!: ThemeStatus;

  @Field({ description: 'A pinned theme is never changed by the machine.' })
  pinned!: boolean;

  @Field(() => Int, { description: 'Items the engine counts in the theme.' })
  size!: number;

  @Field(() => [String], { description: 'The theme’s most distinctive phrases, best first.' })
  keyPhrases!: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'Where a merged theme went: follow it to the theme holding its feedback.',
  })
  mergedInto!: string | null;

  @Field(() => ID, { nullable: true })
  splitFrom!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Set while today’s volume is well above the theme’s own baseline.',
  })
  emergingSince!: Date | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Int, { description: 'Feedback items in the theme (a running total).' })
  volume!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of its items with negative sentiment, 0 to 1; null while it has none.',
  })
  negativeShare!: number | null;

  @Field(() => Date, { nullable: true, description: 'When its newest feedback was given.' })
  lastFeedbackAt!: Date | null;
}

@ObjectType({
  description:
    'A representative quote: central to the theme and unlike the other quotes. Redacted.',
})
export class ThemeQuote {
  @Field(() => ID)
  feedbackId!: string;

  @Field()
  text!: string;

  @Field(() => Float, {
    description:
      'How central the quote is: its cosine to the theme’s centre (for quotes by polarity, the similarity it was placed with).',
  })
  similarity!: number;

  @Field(() => Float, { nullable: true, description: '-1 (negative) to 1 (positive)' })
  sentiment!: number | null;

  @Field(() => String, { nullable: true, description: 'negative, neutral or positive' })
  sentimentLabel!: string | null;

  @Field(() => String, { nullable: true, description: 'survey, social, crm or staff' })
  source!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the customer said it.' })
  occurredAt!: Date | null;
}

export enum QuotePolarity {
  NEGATIVE = 'negative',
  POSITIVE = 'positive',
}
registerEnumType(QuotePolarity, {
  name: 'QuotePolarity',
  description: 'Quotes whose sentiment is negative (complaints) or positive (praise).',
});

@ObjectType({ description: 'One day of a theme, all sources and journey stages together.' })
export class ThemeDay {
  @Field({ description: 'UTC day, YYYY-MM-DD' })
  day!: string;

  @Field(() => Int)
  volume!: number;

  @Field(() => Float, {
    nullable: true,
    description: '-1 to 1; null when no item had text to score',
  })
  averageSentiment!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'NPS of the NPS answers in the theme that day (-100 to 100)',
  })
  nps!: number | null;
}

@ObjectType({ description: 'A theme’s volume and sentiment for one source or journey stage.' })
export class ThemeBreakdown {
  @Field()
  key!: string;

  @Field(() => Int)
  volume!: number;

  @Field(() => Float, { nullable: true })
  averageSentiment!: number | null;
}
