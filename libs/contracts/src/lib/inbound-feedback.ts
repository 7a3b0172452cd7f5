import { CrmFeedbackTopic, type CrmRecordEvent } from './crm-record.event';
import { SocialFeedbackTopic, type SocialPostEvent } from './social-post.event';
import { StaffFeedbackTopic, type StaffReportEvent } from './staff-report.event';
import { SurveyFeedbackTopic, type SurveyResponseEvent } from './survey-response.event';

export const FEEDBACK_SOURCES = ['survey', 'social', 'crm', 'staff'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

/** Any inbound feedback event; `source` tells which. */
export type InboundFeedbackEvent =
  | SurveyResponseEvent
  | SocialPostEvent
  | CrmRecordEvent
  | StaffReportEvent;

/** The inbound topic of each source. */
export const INBOUND_TOPICS = {
  survey: SurveyFeedbackTopic,
  social: SocialFeedbackTopic,
  crm: CrmFeedbackTopic,
  staff: StaffFeedbackTopic,
} as const;
