import { ActionRuleError } from './action-errors';
import { allowedTransitions, type ActionStatus } from './action-status';

export interface TransitionRequest {
  readonly from: ActionStatus;
  readonly to: ActionStatus;
  readonly reason?: string | null;
  readonly at: Date;
}

/** What changes on the action when a transition is applied. */
export interface TransitionPlan {
  readonly status: ActionStatus;
  readonly shippedAt?: Date;
  readonly announcedAt?: Date;
  readonly declineReason?: string;
}

/** Checks a status change against the lifecycle and says what it sets. */
export function planTransition(request: TransitionRequest): TransitionPlan {
  const { from, to } = request;
  if (!allowedTransitions(from).includes(to)) {
    const allowed = allowedTransitions(from);
    throw new ActionRuleError(
      'ILLEGAL_TRANSITION',
      `An action cannot go from ${from} to ${to}; from ${from} it can go to ${allowed.length > 0 ? allowed.join(', ') : 'nothing'}`,
      { from, to, allowed: [...allowed] },
    );
  }
  switch (to) {
    case 'shipped':
      return { status: to, shippedAt: request.at };
    case 'announced':
      return { status: to, announcedAt: request.at };
    case 'declined': {
      const reason = request.reason?.trim();
      if (!reason) {
        throw new ActionRuleError('DECLINE_REASON_REQUIRED', 'Declining an action needs a reason');
      }
      return { status: to, declineReason: reason };
    }
    default:
      return { status: to };
  }
}
