import { InitialSchema1795392510695 } from './1795392510695-initial-schema';
import { IntakeEnrichmentPromptsApiKeys1795394524603 } from './1795394524603-intake-enrichment-prompts-api-keys';
import { Themes1795403789510 } from './1795403789510-themes';
import { ThemeEngineRecords1795985913459 } from './1795985913459-theme-engine-records';
import { UsersSessions1796000000000 } from './1796000000000-users-sessions';
import { Settings1796100000000 } from './1796100000000-settings';
import { ActionTracking1796200000000 } from './1796200000000-action-tracking';
import { ListIndexesThemeTotals1796300000000 } from './1796300000000-list-indexes-theme-totals';
import { LoopRollups1796400000000 } from './1796400000000-loop-rollups';
import { ThemeSearchText1796500000000 } from './1796500000000-theme-search-text';
import { NoticeDigest1796600000000 } from './1796600000000-notice-digest';
import { NoticeHandOff1796700000000 } from './1796700000000-notice-hand-off';
import { ActionAnnouncements1796700000001 } from './1796700000001-action-announcements';
import { DeadLetters1796740000000 } from './1796740000000-dead-letters';
import { NoticeCorrelationId1796800000000 } from './1796800000000-notice-correlation-id';

/** Every migration, oldest first. Never edit one that has landed: add a new one. */
export const ALL_MIGRATIONS = [
  InitialSchema1795392510695,
  IntakeEnrichmentPromptsApiKeys1795394524603,
  Themes1795403789510,
  ThemeEngineRecords1795985913459,
  UsersSessions1796000000000,
  Settings1796100000000,
  ActionTracking1796200000000,
  ListIndexesThemeTotals1796300000000,
  LoopRollups1796400000000,
  ThemeSearchText1796500000000,
  NoticeDigest1796600000000,
  NoticeHandOff1796700000000,
  ActionAnnouncements1796700000001,
  DeadLetters1796740000000,
  NoticeCorrelationId1796800000000,
];
