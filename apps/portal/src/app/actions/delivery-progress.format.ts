import type { DeliveryCounts } from '../data/live-api';

/** "Delivering: 3 of 10 delivered, 7 pending" while under way; "All 10 delivered" or what failed once done. */
export function deliveryLabel(c: DeliveryCounts): string {
  if (c.total === 0) return 'No notices';
  const problems = [
    c.failed > 0 ? `${c.failed} failed` : '',
    c.suppressed > 0 ? `${c.suppressed} suppressed` : '',
  ].filter((s) => s !== '');
  if (c.pending > 0) {
    return `Delivering: ${[`${c.delivered} of ${c.total} delivered`, ...problems, `${c.pending} pending`].join(', ')}`;
  }
  if (problems.length === 0) return `All ${c.total} delivered`;
  return `Done: ${[`${c.delivered} of ${c.total} delivered`, ...problems].join(', ')}`;
}

/** Percent of notices finished (delivered, failed or suppressed), 0–100. */
export function deliveredShare(c: DeliveryCounts): number {
  if (c.total === 0) return 0;
  return Math.round(((c.total - c.pending) / c.total) * 100);
}

export function sameCounts(a: DeliveryCounts, b: DeliveryCounts): boolean {
  return (
    a.delivered === b.delivered &&
    a.failed === b.failed &&
    a.suppressed === b.suppressed &&
    a.pending === b.pending &&
    a.total === b.total
  );
}
