/** Open-loop age buckets: actioned feedback whose customer has not been told yet. */
export const OPEN_LOOP_AGE_BUCKETS = [
  { label: '<7d', fromDays: 0, toDays: 7 },
  { label: '7-30d', fromDays: 7, toDays: 30 },
  { label: '30-90d', fromDays: 30, toDays: 90 },
  { label: '>90d', fromDays: 90, toDays: Number.POSITIVE_INFINITY },
] as const;

export type OpenLoopAgeLabel = (typeof OPEN_LOOP_AGE_BUCKETS)[number]['label'];

/** `part / whole` as a fraction 0–1 rounded to four decimals; null when there is no whole. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

/** The median (mean of the middle two for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Latency bucket of `hours` (from when the customer spoke): 1 h wide below 24 h, 6 h wide below
 * 336 h (14 days), 24 h wide below 2,160 h (90 days), 168 h (a week) wide beyond; the last bucket,
 * 255, holds everything from 19,464 h. Same as the SQL function `loop_hours_bucket` (migration
 * 1796400000000-loop-rollups): the roll-ups store counts per bucket.
 */
export function latencyBucket(hours: number): number {
  const h = Math.max(0, hours);
  if (h < 24) return Math.floor(h);
  if (h < 336) return 24 + Math.floor((h - 24) / 6);
  if (h < 2160) return 76 + Math.floor((h - 336) / 24);
  return Math.min(255, 152 + Math.floor((h - 2160) / 168));
}

/** The middle of a latency bucket in hours (the last, open-ended bucket: 84 h above its start). */
export function bucketMidpoint(bucket: number): number {
  if (bucket < 24) return bucket + 0.5;
  if (bucket < 76) return 24 + (bucket - 24) * 6 + 3;
  if (bucket < 152) return 336 + (bucket - 76) * 24 + 12;
  return 2160 + (bucket - 152) * 168 + 84;
}

/**
 * The median as the roll-ups give it: the midpoint of the bucket holding the middle item (an even
 * count: the mean of the midpoints of the buckets holding the two middle items), rounded to 0.1 h.
 * Off the exact median by at most half a bucket: 0.5 h below a day, 3 h below 14 days, 12 h
 * below 90 days, 84 h beyond.
 */
export function bucketedMedian(hours: readonly number[]): number | null {
  if (hours.length === 0) return null;
  const buckets = hours.map(latencyBucket).sort((a, b) => a - b);
  const lo = buckets[Math.floor((buckets.length + 1) / 2) - 1] as number;
  const hi = buckets[Math.floor(buckets.length / 2)] as number;
  return medianOfBuckets(lo, hi);
}

/** The median from the buckets of the lower and upper middle items (the same for odd counts). */
export function medianOfBuckets(lo: number, hi: number): number {
  return Math.round(((bucketMidpoint(lo) + bucketMidpoint(hi)) / 2) * 10) / 10;
}

/** The age bucket of an open loop opened at `openedAt`, seen at `now`. */
export function openLoopAgeBucket(openedAt: Date, now: Date): OpenLoopAgeLabel {
  const days = (now.getTime() - openedAt.getTime()) / 86_400_000;
  const bucket = OPEN_LOOP_AGE_BUCKETS.find((b) => days >= b.fromDays && days < b.toDays);
  return (bucket ?? OPEN_LOOP_AGE_BUCKETS[0]).label;
}

/** One feedback item in an action's lineage, as the loop measures see it. */
export interface LoopItem {
  readonly feedbackId: string;
  readonly occurredAt: Date;
  /** When it became part of an action (its theme linked, or it arrived on a linked theme). */
  readonly actionedAt: Date;
  /** Ship time of its action, when the item arrived before it. */
  readonly shippedAt: Date | null;
  /** When its customer was told (a notice was queued). */
  readonly noticedAt: Date | null;
}

export interface LoopFigures {
  readonly feedback: number;
  readonly actioned: number;
  readonly actionedShare: number | null;
  readonly told: number;
  readonly toldShare: number | null;
  readonly medianHoursToAction: number | null;
  readonly medianHoursToShip: number | null;
  readonly medianHoursToNotice: number | null;
  readonly openLoops: Readonly<Record<OpenLoopAgeLabel, number>>;
}

const hours = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 3_600_000);

/**
 * The loop measures of a set of feedback: `feedback` is every item in scope, `items` the actioned
 * ones (one per feedback item; an item in two actions counts once, with its earliest times).
 * Shares are of feedback actioned and of actioned feedback told; medians are in hours from when
 * the customer spoke, bucketed as the roll-ups keep them (`bucketedMedian`); open loops are
 * actioned items not told, by age at `now`.
 */
export function loopFigures(feedback: number, items: readonly LoopItem[], now: Date): LoopFigures {
  const told = items.filter((i) => i.noticedAt !== null);
  const openLoops: Record<OpenLoopAgeLabel, number> = {
    '<7d': 0,
    '7-30d': 0,
    '30-90d': 0,
    '>90d': 0,
  };
  for (const item of items) {
    if (item.noticedAt === null) openLoops[openLoopAgeBucket(item.occurredAt, now)] += 1;
  }
  return {
    feedback,
    actioned: items.length,
    actionedShare: share(items.length, feedback),
    told: told.length,
    toldShare: share(told.length, items.length),
    medianHoursToAction: bucketedMedian(items.map((i) => hours(i.occurredAt, i.actionedAt))),
    medianHoursToShip: bucketedMedian(
      items.flatMap((i) => (i.shippedAt ? [hours(i.occurredAt, i.shippedAt)] : [])),
    ),
    medianHoursToNotice: bucketedMedian(told.map((i) => hours(i.occurredAt, i.noticedAt as Date))),
    openLoops,
  };
}
