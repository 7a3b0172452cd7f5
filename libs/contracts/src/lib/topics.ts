import { ActionEventsTopic } from './action-event';
import { FeedbackEnrichedTopic } from './feedback-enriched.event';
import { NoticeDeliveredTopic } from './notice-delivered.event';
import { NoticeRequestedTopic } from './notice-requested.event';
import { CrmFeedbackTopic } from './crm-record.event';
import { SocialFeedbackTopic } from './social-post.event';
import { StaffFeedbackTopic } from './staff-report.event';
import { SurveyFeedbackTopic } from './survey-response.event';
import { ThemeAssignedTopic } from './theme-assigned.event';
import { ThemeChangedTopic } from './theme-changed.event';
import type { TopicDefinition } from './topic';

/** Every topic of the loop, in flow order. */
export const ALL_TOPICS: readonly TopicDefinition<unknown>[] = [
  SurveyFeedbackTopic,
  SocialFeedbackTopic,
  CrmFeedbackTopic,
  StaffFeedbackTopic,
  FeedbackEnrichedTopic,
  ThemeAssignedTopic,
  ThemeChangedTopic,
  ActionEventsTopic,
  NoticeRequestedTopic,
  NoticeDeliveredTopic,
];
