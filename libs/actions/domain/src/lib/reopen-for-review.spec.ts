import { ActionRuleError } from './action-errors';
import { planReopenForReview } from './reopen-for-review';

const at = new Date('2026-11-01T00:00:00Z');

describe('planReopenForReview', () => {
  it('reopens shipped and announced actions to in progress', () => {
    expect(planReopenForReview('shipped', at)).toEqual({ status: 'in_progress', reopenedAt: at });
    expect(planReopenForReview('announced', at).status).toBe('in_progress');
  });

  it('refuses open or declined actions', () => {
    expect(() => planReopenForReview('planned', at)).toThrow(ActionRuleError);
    expect(() => planReopenForReview('declined', at)).toThrow(
      'An action cannot be reopened for review from declined; only from shipped, announced',
    );
  });
});
