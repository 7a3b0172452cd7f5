import { ActionThemeEntity } from './action-theme.entity';
import { ActionCommentEntity } from './action-comment.entity';
import { ActionLineageEntity } from './action-lineage.entity';
import { ActionRegressionEntity } from './action-regression.entity';
import { OwnerNoticeEntity } from './owner-notice.entity';
import { FeedbackWeeklyStatEntity } from './feedback-weekly-stat.entity';
import { LoopItemEntity } from './loop-item.entity';
import { LoopWeeklyLatencyEntity } from './loop-weekly-latency.entity';
import { LoopWeeklyStatEntity } from './loop-weekly-stat.entity';
import { ActionFeedbackEntity } from './action-feedback.entity';
import { ActionHistoryEntity } from './action-history.entity';
import { ActionEntity } from './action.entity';
import { CustomerIdentityEntity } from './customer-identity.entity';
import { CustomerEntity } from './customer.entity';
import { FeedbackEntity } from './feedback.entity';
import { NoticeEntity } from './notice.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { ResearchPromptEntity } from './research-prompt.entity';
import { ApiKeyEntity } from './api-key.entity';
import { ThemeDailyStatEntity } from './theme-daily-stat.entity';
import { ThemeNoiseItemEntity } from './theme-noise-item.entity';
import { ThemeSpaceStateEntity } from './theme-space-state.entity';
import { ThemeEntity } from './theme.entity';
import { ThemeTotalEntity } from './theme-total.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';
import { SettingEntity } from './setting.entity';

export {
  ActionThemeEntity,
  ActionCommentEntity,
  ActionLineageEntity,
  ActionRegressionEntity,
  OwnerNoticeEntity,
  FeedbackWeeklyStatEntity,
  LoopItemEntity,
  LoopWeeklyStatEntity,
  LoopWeeklyLatencyEntity,
  ActionEntity,
  ActionFeedbackEntity,
  ActionHistoryEntity,
  CustomerEntity,
  CustomerIdentityEntity,
  FeedbackEntity,
  NoticeEntity,
  OutboxMessageEntity,
  ResearchPromptEntity,
  ApiKeyEntity,
  ThemeEntity,
  ThemeDailyStatEntity,
  ThemeSpaceStateEntity,
  ThemeNoiseItemEntity,
  ThemeTotalEntity,
  UserEntity,
  SessionEntity,
  SettingEntity,
};
export type { UserRole } from './user.entity';
export type { NoticeStatus } from './notice.entity';
export type { ThemeStatus } from './theme.entity';

export const ALL_ENTITIES = [
  CustomerEntity,
  CustomerIdentityEntity,
  FeedbackEntity,
  ActionEntity,
  ActionFeedbackEntity,
  ActionHistoryEntity,
  NoticeEntity,
  OutboxMessageEntity,
  ResearchPromptEntity,
  ApiKeyEntity,
  ThemeEntity,
  ThemeDailyStatEntity,
  ThemeSpaceStateEntity,
  ThemeNoiseItemEntity,
  ThemeTotalEntity,
  UserEntity,
  SessionEntity,
  ActionThemeEntity,
  ActionCommentEntity,
  ActionLineageEntity,
  ActionRegressionEntity,
  OwnerNoticeEntity,
  FeedbackWeeklyStatEntity,
  LoopItemEntity,
  LoopWeeklyStatEntity,
  LoopWeeklyLatencyEntity,
  SettingEntity,
];
