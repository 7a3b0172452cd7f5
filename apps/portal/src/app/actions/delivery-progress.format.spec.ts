import { deliveredShare, deliveryLabel } from './delivery-progress.format';

const counts = (delivered: number, failed: number, suppressed: number, pending: number) => ({
  delivered,
  sent: delivered,
  failed,
  suppressed,
  pending,
  total: delivered + failed + suppressed + pending,
});

describe('delivery progress text', () => {
  it('says what is under way', () => {
    expect(deliveryLabel(counts(3, 0, 1, 6))).toBe(
      'Delivering: 3 of 10 delivered, 1 suppressed, 6 pending',
    );
    expect(deliveredShare(counts(3, 0, 1, 6))).toBe(40);
  });

  it('says when all were delivered, or what did not go', () => {
    expect(deliveryLabel(counts(5, 0, 0, 0))).toBe('All 5 delivered');
    expect(deliveryLabel(counts(4, 1, 2, 0))).toBe(
      'Done: 4 of 7 delivered, 1 failed, 2 suppressed',
    );
    expect(deliveredShare(counts(4, 1, 2, 0))).toBe(100);
    expect(deliveryLabel(counts(0, 0, 0, 0))).toBe('No notices');
    expect(deliveredShare(counts(0, 0, 0, 0))).toBe(0);
  });
});
