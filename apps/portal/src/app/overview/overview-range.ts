import type { IsoRange } from '../data/overview-api';

/** The spans the overview and the experience map offer, in days. */
export const RANGE_DAYS = [7, 30, 90, 365] as const;
export type RangeDays = (typeof RANGE_DAYS)[number];
export const DEFAULT_RANGE_DAYS: RangeDays = 90;

const DAY_MS = 86_400_000;

/** The `days` query parameter as one of the offered spans; the default for anything else. */
export function parseRangeDays(value: string | null | undefined): RangeDays {
  const days = Number(value);
  return RANGE_DAYS.find((d) => d === days) ?? DEFAULT_RANGE_DAYS;
}

/**
 * The last `days` days up to the end of today (UTC): whole days, so the same span asked twice in a
 * day is the same range.
 */
export function lastDays(days: number, now: Date): IsoRange {
  const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS;
  return { from: new Date(to - days * DAY_MS).toISOString(), to: new Date(to).toISOString() };
}

export function rangeLabel(days: number): string {
  return days === 365 ? 'Last 12 months' : `Last ${days} days`;
}
