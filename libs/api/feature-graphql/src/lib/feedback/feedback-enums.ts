import { registerEnumType } from '@nestjs/graphql';

export enum FeedbackSourceKind {
  SURVEY = 'survey',
  SOCIAL = 'social',
  CRM = 'crm',
  STAFF = 'staff',
}

export enum SentimentLabel {
  NEGATIVE = 'negative',
  NEUTRAL = 'neutral',
  POSITIVE = 'positive',
}

export enum JourneyStage {
  DISCOVER = 'discover',
  BUY = 'buy',
  ONBOARD = 'onboard',
  USE = 'use',
  SUPPORT = 'support',
  RENEW = 'renew',
  LEAVE = 'leave',
}

registerEnumType(FeedbackSourceKind, {
  name: 'FeedbackSourceKind',
  description: 'Where feedback came from: survey, social, crm or staff.',
});
registerEnumType(SentimentLabel, { name: 'SentimentLabel' });
registerEnumType(JourneyStage, { name: 'JourneyStage' });
