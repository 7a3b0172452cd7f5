import type {
  ActionRow,
  CommentRow,
  HistoryRow,
  RegressionRow,
} from '@closedloop/actions-data-access';
import type { Action, ActionComment, ActionHistoryEntry, ActionRegression } from './action.model';
import type { ActionStatusValue } from './action-status.enum';

const date = (value: Date | null) => (value ? new Date(value) : null);

export function toAction(row: ActionRow): Action {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    ownerId: row.owner_id,
    legacyOwner: row.legacy_owner,
    targetDate: row.target_date,
    status: row.status as ActionStatusValue,
    declineReason: row.decline_reason,
    createdAt: new Date(row.created_at),
    shippedAt: date(row.shipped_at),
    announcedAt: date(row.announced_at),
    reopenedAt: date(row.reopened_at),
  };
}

export function toHistoryEntry(row: HistoryRow): ActionHistoryEntry {
  return {
    actor: row.actor,
    actorId: row.actor_id,
    kind: row.kind,
    fromStatus: row.from_status as ActionStatusValue | null,
    toStatus: row.to_status as ActionStatusValue | null,
    note: row.note,
    at: new Date(row.at),
  };
}

export function toComment(row: CommentRow): ActionComment {
  return {
    id: row.id,
    authorId: row.author_id,
    author: row.author_label,
    body: row.body,
    createdAt: new Date(row.created_at),
  };
}

export function toRegression(row: RegressionRow): ActionRegression {
  return {
    id: row.id,
    shippedAt: new Date(row.shipped_at),
    detectedAt: new Date(row.detected_at),
    reasons: row.reasons.split(',').filter((r) => r.length > 0),
    baselineWeeklyVolume: Number(row.baseline_weekly_volume),
    afterWeeklyVolume: Number(row.after_weekly_volume),
    baselineNegativeShare: Number(row.baseline_negative_share),
    afterNegativeShare: Number(row.after_negative_share),
    message: row.message,
    resolvedAt: date(row.resolved_at),
  };
}
