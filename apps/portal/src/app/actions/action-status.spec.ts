import type { ActionDetailFragment } from '../graphql/generated';
import {
  canAnnounce,
  hasPendingNotices,
  nextMoves,
  noticeSummaryLabel,
  noticeSummaryTone,
} from './action-status';

describe('nextMoves', () => {
  it('follows the lifecycle proposed → planned → in progress → shipped, with declining last', () => {
    expect(nextMoves('PROPOSED').map((m) => m.to)).toEqual(['PLANNED', 'IN_PROGRESS', 'DECLINED']);
    expect(nextMoves('PLANNED').map((m) => m.to)).toEqual(['IN_PROGRESS', 'DECLINED']);
    expect(nextMoves('IN_PROGRESS').map((m) => m.to)).toEqual(['SHIPPED', 'DECLINED']);
  });

  it('leaves announcing to the announce form', () => {
    expect(nextMoves('SHIPPED')).toEqual([]);
    expect(nextMoves('DECLINED')).toEqual([]);
    expect(nextMoves('ANNOUNCED')).toEqual([]);
  });

  it('asks for a reason only when declining', () => {
    const moves = nextMoves('PROPOSED');
    expect(moves.filter((m) => m.needsReason).map((m) => m.to)).toEqual(['DECLINED']);
    expect(moves.map((m) => m.label)).toEqual([
      'Move to Planned',
      'Move to In progress',
      'Decline…',
    ]);
  });
});

describe('canAnnounce', () => {
  it('is true for shipped and declined actions only', () => {
    expect(canAnnounce('SHIPPED')).toBe(true);
    expect(canAnnounce('DECLINED')).toBe(true);
    expect(canAnnounce('PROPOSED')).toBe(false);
    expect(canAnnounce('IN_PROGRESS')).toBe(false);
    expect(canAnnounce('ANNOUNCED')).toBe(false);
  });
});

type Progress = Pick<ActionDetailFragment, 'noticeSummary' | 'notices'>;
const summary = (
  s: Partial<ActionDetailFragment['noticeSummary']>,
): ActionDetailFragment['noticeSummary'] => ({
  sent: 0,
  pending: 0,
  failed: 0,
  suppressed: 0,
  total: 0,
  ...s,
});
const notice = (
  status: ActionDetailFragment['notices'][number]['status'],
): ActionDetailFragment['notices'][number] => ({
  id: status,
  status,
  sentAt: null,
  messageId: null,
  attempts: 0,
  lastError: null,
  subject: null,
  textBody: null,
  customer: { id: 'c', name: null, email: null },
});

describe('hasPendingNotices', () => {
  it('polls while the summary or any notice says delivery is under way', () => {
    const progress = (
      s: Progress['noticeSummary'],
      notices: Progress['notices'] = [],
    ): Progress => ({ noticeSummary: s, notices });
    expect(hasPendingNotices(progress(summary({ pending: 2, total: 2 })))).toBe(true);
    expect(
      hasPendingNotices(
        progress(summary({ sent: 1, total: 2 }), [notice('SENT'), notice('SENDING')]),
      ),
    ).toBe(true);
    expect(
      hasPendingNotices(
        progress(summary({ sent: 1, failed: 1, total: 2 }), [notice('SENT'), notice('FAILED')]),
      ),
    ).toBe(false);
    expect(hasPendingNotices(progress(summary({})))).toBe(false);
    expect(hasPendingNotices(null)).toBe(false);
  });
});

describe('notice summary', () => {
  it('says how many were sent out of all, then the rest', () => {
    expect(noticeSummaryLabel(summary({ sent: 5, total: 5 }))).toBe('5 of 5 sent');
    expect(
      noticeSummaryLabel(summary({ sent: 2, pending: 1, failed: 1, suppressed: 1, total: 5 })),
    ).toBe('2 of 5 sent, 1 pending, 1 failed, 1 suppressed');
    expect(noticeSummaryLabel(summary({}))).toBe('No notices');
  });

  it('reads negative on failures, info while pending, positive when done', () => {
    expect(noticeSummaryTone(summary({ sent: 4, failed: 1, total: 5 }))).toBe('negative');
    expect(noticeSummaryTone(summary({ sent: 4, pending: 1, total: 5 }))).toBe('info');
    expect(noticeSummaryTone(summary({ sent: 5, total: 5 }))).toBe('positive');
    expect(noticeSummaryTone(summary({}))).toBe('neutral');
  });
});
