import { Field, ID, InputType } from '@nestjs/graphql';
import { SurveyMetric } from '../ingest/ingest-enums';
import { FeedbackSourceKind, JourneyStage, SentimentLabel } from './feedback-enums';

@InputType({ description: 'Narrows a feedback list; every given condition must hold.' })
export class FeedbackFilterInput {
  @Field(() => FeedbackSourceKind, { nullable: true })
  source?: FeedbackSourceKind | null;

  @Field(() => ID, { nullable: true })
  themeId?: string | null;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => SentimentLabel, { nullable: true })
  sentimentLabel?: SentimentLabel | null;

  @Field(() => SurveyMetric, { nullable: true, description: 'Survey answers of this metric.' })
  metric?: SurveyMetric | null;

  @Field(() => String, {
    nullable: true,
    description: 'promoter, passive, detractor; satisfied, neutral, dissatisfied; easy, difficult',
  })
  scoreBand?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 639-1 code, or und' })
  language?: string | null;

  @Field(() => JourneyStage, { nullable: true })
  journeyStage?: JourneyStage | null;

  @Field(() => Date, { nullable: true, description: 'Given at or after this instant.' })
  occurredFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Given before this instant.' })
  occurredTo?: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Words the (redacted) text must contain, web-search syntax: "exact phrase", -not, or.',
  })
  search?: string | null;
}
