import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'How many of a theme’s items came from one source.' })
export class ThemeSourceCount {
  @Field({ description: 'survey, social, crm or staff' })
  source!: string;

  @Field(() => Int)
  volume!: number;
}

@ObjectType({
  description:
    'A theme’s figures for lists: all-time sentiment and NPS, source mix, and the last 30 days of volume. Loaded for a whole page at once.',
})
export class ThemeStats {
  @Field(() => Float, {
    nullable: true,
    description: 'Mean sentiment of its scored items, -1 to 1; null when none had text to score.',
  })
  averageSentiment!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'NPS of its NPS answers (-100 to 100); null without any.',
  })
  nps!: number | null;

  @Field(() => [ThemeSourceCount], { description: 'Volume per source, largest first.' })
  sources!: ThemeSourceCount[];

  @Field(() => [Int], {
    description:
      'Daily volume over the last 30 UTC days, oldest first, today last; days without feedback are 0.',
  })
  recentVolume!: number[];
}
