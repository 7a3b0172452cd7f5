import { registerEnumType } from '@nestjs/graphql';

export enum SurveyMetric {
  NPS = 'NPS',
  CSAT = 'CSAT',
  CES = 'CES',
}

export enum SurveyChannel {
  EMAIL = 'email',
  IN_APP = 'in-app',
  WEB = 'web',
  PHONE = 'phone',
}

export enum SocialPlatform {
  X = 'x',
  FACEBOOK = 'facebook',
  INSTAGRAM = 'instagram',
  LINKEDIN = 'linkedin',
  REDDIT = 'reddit',
  TIKTOK = 'tiktok',
  YOUTUBE = 'youtube',
  TRUSTPILOT = 'trustpilot',
  APP_STORE = 'app-store',
  GOOGLE_PLAY = 'google-play',
  OTHER = 'other',
}

export enum CrmRecordKind {
  SUPPORT_TICKET = 'support_ticket',
  NOTE = 'note',
  ORDER = 'order',
  CHURN_REASON = 'churn_reason',
  RENEWAL = 'renewal',
}

export enum SubmissionStatus {
  ACCEPTED = 'ACCEPTED',
  DUPLICATE = 'DUPLICATE',
  REJECTED = 'REJECTED',
}

registerEnumType(SurveyMetric, { name: 'SurveyMetric' });
registerEnumType(SurveyChannel, { name: 'SurveyChannel' });
registerEnumType(SocialPlatform, { name: 'SocialPlatform' });
registerEnumType(CrmRecordKind, { name: 'CrmRecordKind' });
registerEnumType(SubmissionStatus, {
  name: 'SubmissionStatus',
  description:
    'ACCEPTED: on Kafka; DUPLICATE: already received (same source and externalId); REJECTED: see field and reason.',
});
