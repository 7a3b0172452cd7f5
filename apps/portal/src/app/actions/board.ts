import type { ActionStatus, ActionSummaryFragment } from '../graphql/generated';
import { nextMoves } from './action-status';

/** The board's columns, left to right. */
export const BOARD_COLUMNS: readonly ActionStatus[] = [
  'PROPOSED',
  'PLANNED',
  'IN_PROGRESS',
  'SHIPPED',
  'ANNOUNCED',
  'DECLINED',
];

export interface BoardColumn {
  readonly status: ActionStatus;
  readonly cards: readonly ActionSummaryFragment[];
}

/** Actions in their status's column, each column in the order given (newest first). */
export function groupByStatus(actions: readonly ActionSummaryFragment[]): BoardColumn[] {
  return BOARD_COLUMNS.map((status) => ({
    status,
    cards: actions.filter((a) => a.status === status),
  }));
}

/**
 * Whether a card may be dropped from one column onto another: only the lifecycle's moves, and
 * never onto Announced (announcing writes to customers, so it goes through the announce form).
 */
export function canMove(from: ActionStatus, to: ActionStatus): boolean {
  return from !== to && nextMoves(from).some((m) => m.to === to);
}

/** The actions with one action's status changed; the same list when nothing changes. */
export function withStatus(
  actions: readonly ActionSummaryFragment[],
  actionId: string,
  status: ActionStatus,
): readonly ActionSummaryFragment[] {
  const found = actions.find((a) => a.id === actionId);
  if (!found || found.status === status) return actions;
  return actions.map((a) => (a.id === actionId ? { ...a, status } : a));
}
