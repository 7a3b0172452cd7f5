import type { Action, ActionHistoryEntry } from './action.model';
import type { ActionStatusValue } from './action-status.enum';

export interface ActionRow {
  id: string;
  title: string;
  description: string;
  owner: string;
  status: string;
  decline_reason: string | null;
  created_at: Date;
  shipped_at: Date | null;
  announced_at: Date | null;
}

export interface ActionHistoryRow {
  actor: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  at: Date;
}

export function toAction(row: ActionRow): Action {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    owner: row.owner,
    status: row.status as ActionStatusValue,
    declineReason: row.decline_reason,
    createdAt: new Date(row.created_at),
    shippedAt: row.shipped_at ? new Date(row.shipped_at) : null,
    announcedAt: row.announced_at ? new Date(row.announced_at) : null,
  };
}

export function toHistoryEntry(row: ActionHistoryRow): ActionHistoryEntry {
  return {
    actor: row.actor,
    fromStatus: row.from_status as ActionStatusValue | null,
    toStatus: row.to_status as ActionStatusValue,
    note: row.note,
    at: new Date(row.at),
  };
}
