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
const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/**
 * The loop measures of a set of feedback: `feedback` is every item in scope, `items` the actioned
 * ones (one per feedback item; an item in two actions counts once, with its earliest times).
 * Shares are of feedback actioned and of actioned feedback told; medians are in hours from when
 * the customer spoke; open loops are actioned items not told, by age at `now`.
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
    medianHoursToAction: round1(median(items.map((i) => hours(i.occurredAt, i.actionedAt)))),
    medianHoursToShip: round1(
      median(items.flatMap((i) => (i.shippedAt ? [hours(i.occurredAt, i.shippedAt)] : []))),
    ),
    medianHoursToNotice: round1(median(told.map((i) => hours(i.occurredAt, i.noticedAt as Date)))),
    openLoops,
  };
}
