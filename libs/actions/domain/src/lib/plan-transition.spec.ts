import { ActionRuleError } from './action-errors';
import { planTransition } from './plan-transition';

const at = new Date('2026-11-01T00:00:00Z');

describe('planTransition', () => {
  it('walks the happy path to announced', () => {
    expect(planTransition({ from: 'proposed', to: 'planned', at })).toEqual({ status: 'planned' });
    expect(planTransition({ from: 'planned', to: 'in_progress', at })).toEqual({
      status: 'in_progress',
    });
    expect(planTransition({ from: 'in_progress', to: 'shipped', at })).toEqual({
      status: 'shipped',
      shippedAt: at,
    });
    expect(planTransition({ from: 'shipped', to: 'announced', at })).toEqual({
      status: 'announced',
      announcedAt: at,
    });
  });

  it('refuses a skipped step with the allowed targets named', () => {
    expect(() => planTransition({ from: 'proposed', to: 'shipped', at })).toThrow(
      'An action cannot go from proposed to shipped; from proposed it can go to planned, in_progress, declined',
    );
  });

  it('refuses any change after announced', () => {
    const attempt = () => planTransition({ from: 'announced', to: 'shipped', at });
    expect(attempt).toThrow(ActionRuleError);
    expect(attempt).toThrow('it can go to nothing');
  });

  it('needs a reason to decline, and a decline can be announced', () => {
    expect(() => planTransition({ from: 'planned', to: 'declined', reason: '  ', at })).toThrow(
      'Declining an action needs a reason',
    );
    expect(planTransition({ from: 'planned', to: 'declined', reason: 'Out of scope', at })).toEqual(
      {
        status: 'declined',
        declineReason: 'Out of scope',
      },
    );
    expect(planTransition({ from: 'declined', to: 'announced', at }).status).toBe('announced');
  });
});

describe('planTransition errors', () => {
  it('name from, to and what is allowed for the API', () => {
    try {
      planTransition({ from: 'planned', to: 'shipped', at });
      throw new Error('accepted');
    } catch (error) {
      expect((error as ActionRuleError).details).toEqual({
        from: 'planned',
        to: 'shipped',
        allowed: ['in_progress', 'declined'],
      });
    }
  });
});
