import { allowedTransitions, type ActionStatus as DomainStatus } from '@closedloop/actions-domain';
import type { ActionDetailFragment, ActionStatus, NoticeStatus } from '../graphql/generated';
import type { Tone } from '../shared/tone';

export const ACTION_STATUS_LABEL: Readonly<Record<ActionStatus, string>> = {
  PROPOSED: 'Proposed',
  PLANNED: 'Planned',
  IN_PROGRESS: 'In progress',
  SHIPPED: 'Shipped',
  ANNOUNCED: 'Announced',
  DECLINED: 'Declined',
};

export const ACTION_STATUS_TONE: Readonly<Record<ActionStatus, Tone>> = {
  PROPOSED: 'neutral',
  PLANNED: 'info',
  IN_PROGRESS: 'warning',
  SHIPPED: 'positive',
  ANNOUNCED: 'positive',
  DECLINED: 'negative',
};

export const NOTICE_STATUS_LABEL: Readonly<Record<NoticeStatus, string>> = {
  REQUESTED: 'Queued',
  SENDING: 'Sending',
  SENT: 'Sent',
  FAILED: 'Failed',
  SUPPRESSED: 'Suppressed',
};

export const NOTICE_STATUS_TONE: Readonly<Record<NoticeStatus, Tone>> = {
  REQUESTED: 'info',
  SENDING: 'info',
  SENT: 'positive',
  FAILED: 'negative',
  SUPPRESSED: 'neutral',
};

const ACTION_STATUSES: readonly ActionStatus[] = [
  'PROPOSED',
  'PLANNED',
  'IN_PROGRESS',
  'SHIPPED',
  'ANNOUNCED',
  'DECLINED',
];

function toDomain(status: ActionStatus): DomainStatus {
  return status.toLowerCase() as DomainStatus;
}

function fromDomain(status: DomainStatus): ActionStatus {
  const upper = status.toUpperCase();
  const known = ACTION_STATUSES.find((s) => s === upper);
  if (!known) throw new Error(`Unknown action status ${status}`);
  return known;
}

/** A status change the CX lead can make from the action page. */
export interface StatusMove {
  readonly to: ActionStatus;
  /** The button's text. */
  readonly label: string;
  /** Declining needs a reason, asked for before the move. */
  readonly needsReason: boolean;
}

const MOVE_LABEL: Readonly<Record<ActionStatus, string>> = {
  PROPOSED: 'Move to Proposed',
  PLANNED: 'Move to Planned',
  IN_PROGRESS: 'Move to In progress',
  SHIPPED: 'Mark as Shipped',
  ANNOUNCED: 'Announce',
  DECLINED: 'Decline…',
};

/**
 * The legal next statuses, as the shared action lifecycle says (the API enforces the same rules).
 * Announcing is left out: it goes through the announce form, which writes to customers.
 */
export function nextMoves(from: ActionStatus): readonly StatusMove[] {
  const moves = allowedTransitions(toDomain(from))
    .map(fromDomain)
    .filter((to) => to !== 'ANNOUNCED')
    .map((to) => ({ to, label: MOVE_LABEL[to], needsReason: to === 'DECLINED' }));
  // Forward moves first, declining last.
  return [...moves.filter((m) => !m.needsReason), ...moves.filter((m) => m.needsReason)];
}

/** Shipped and declined actions can be announced to the customers behind them. */
export function canAnnounce(status: ActionStatus): boolean {
  return allowedTransitions(toDomain(status)).includes('announced');
}

type NoticeProgress = Pick<ActionDetailFragment, 'noticeSummary' | 'notices'>;

/** Whether any notice is still queued or being sent, so the page should keep polling. */
export function hasPendingNotices(action: NoticeProgress | null | undefined): boolean {
  if (!action) return false;
  return (
    action.noticeSummary.pending > 0 ||
    action.notices.some((n) => n.status === 'REQUESTED' || n.status === 'SENDING')
  );
}

/** "5 of 5 sent", with what is pending, failed or suppressed after it. */
export function noticeSummaryLabel(summary: ActionDetailFragment['noticeSummary']): string {
  if (summary.total === 0) return 'No notices';
  const extra = [
    summary.pending > 0 ? `${summary.pending} pending` : '',
    summary.failed > 0 ? `${summary.failed} failed` : '',
    summary.suppressed > 0 ? `${summary.suppressed} suppressed` : '',
  ].filter((s) => s !== '');
  return [`${summary.sent} of ${summary.total} sent`, ...extra].join(', ');
}

/** The tone of a notice summary: failures first, then work in flight, then done. */
export function noticeSummaryTone(summary: ActionDetailFragment['noticeSummary']): Tone {
  if (summary.total === 0) return 'neutral';
  if (summary.failed > 0) return 'negative';
  if (summary.pending > 0) return 'info';
  return 'positive';
}

export function actionStatusLabel(status: ActionStatus): string {
  return ACTION_STATUS_LABEL[status] ?? status;
}

export function actionStatusTone(status: ActionStatus): Tone {
  return ACTION_STATUS_TONE[status] ?? 'neutral';
}

export function noticeStatusLabel(status: NoticeStatus): string {
  return NOTICE_STATUS_LABEL[status] ?? status;
}

export function noticeStatusTone(status: NoticeStatus): Tone {
  return NOTICE_STATUS_TONE[status] ?? 'neutral';
}
