import { ActionRuleError } from './action-errors';
import type { ActionStatus } from './action-status';

/** Statuses a regression can reopen: the change is out, and its theme came back. */
export const REOPENABLE_STATUSES: readonly ActionStatus[] = ['shipped', 'announced'];

export interface ReopenPlan {
  readonly status: 'in_progress';
  readonly reopenedAt: Date;
}

/**
 * The system's own move, outside the people's lifecycle: a shipped or announced action whose
 * themes regressed goes back to in progress for review. Anything else is refused.
 */
export function planReopenForReview(from: ActionStatus, at: Date): ReopenPlan {
  if (!REOPENABLE_STATUSES.includes(from)) {
    throw new ActionRuleError(
      'ILLEGAL_TRANSITION',
      `An action cannot be reopened for review from ${from}; only from ${REOPENABLE_STATUSES.join(', ')}`,
      { from, to: 'in_progress', allowed: [...REOPENABLE_STATUSES] },
    );
  }
  return { status: 'in_progress', reopenedAt: at };
}
