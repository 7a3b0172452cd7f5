import type { ActionSummaryFragment } from '../graphql/generated';
import { BOARD_COLUMNS, canMove, groupByStatus, withStatus } from './board';

const action = (id: string, status: ActionSummaryFragment['status']): ActionSummaryFragment => ({
  id,
  title: `Action ${id}`,
  owner: null,
  legacyOwner: null,
  status,
  createdAt: '2026-11-01T10:00:00Z',
  shippedAt: null,
  announcedAt: null,
  noticeSummary: { sent: 0, pending: 0, failed: 0, suppressed: 0, total: 0 },
});

describe('actions board', () => {
  it('puts every action in its status column, keeping their order, with empty columns too', () => {
    const columns = groupByStatus([
      action('a', 'PLANNED'),
      action('b', 'PROPOSED'),
      action('c', 'PLANNED'),
    ]);
    expect(columns.map((c) => c.status)).toEqual(BOARD_COLUMNS);
    expect(columns.map((c) => c.cards.map((a) => a.id))).toEqual([
      ['b'],
      ['a', 'c'],
      [],
      [],
      [],
      [],
    ]);
  });

  it('allows only the lifecycle’s moves, and never a drop onto Announced', () => {
    expect(canMove('PROPOSED', 'PLANNED')).toBe(true);
    expect(canMove('PLANNED', 'IN_PROGRESS')).toBe(true);
    expect(canMove('IN_PROGRESS', 'SHIPPED')).toBe(true);
    expect(canMove('PROPOSED', 'DECLINED')).toBe(true);
    expect(canMove('PROPOSED', 'SHIPPED')).toBe(false);
    expect(canMove('SHIPPED', 'ANNOUNCED')).toBe(false);
    expect(canMove('PLANNED', 'PLANNED')).toBe(false);
    expect(canMove('ANNOUNCED', 'PROPOSED')).toBe(false);
  });

  it('changes one action’s status, leaving the list as it was when nothing changes', () => {
    const list = [action('a', 'PROPOSED'), action('b', 'PLANNED')];
    const moved = withStatus(list, 'a', 'PLANNED');
    expect(moved.map((a) => a.status)).toEqual(['PLANNED', 'PLANNED']);
    expect(list[0]?.status).toBe('PROPOSED');
    expect(withStatus(list, 'b', 'PLANNED')).toBe(list);
    expect(withStatus(list, 'zzz', 'SHIPPED')).toBe(list);
  });
});
