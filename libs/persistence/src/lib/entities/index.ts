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

export {
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
];
