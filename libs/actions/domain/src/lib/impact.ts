import { npsOfCustomers, type NpsAnswer } from './nps';

const DAY_MS = 86_400_000;

/** One day of an action's themes (summed over its themes, sources and journey stages). */
export interface ImpactDay {
  /** UTC day, `YYYY-MM-DD`. */
  readonly day: string;
  readonly volume: number;
  readonly sentimentSum: number;
  readonly sentimentCount: number;
  readonly negatives: number;
}

export interface ImpactWeek {
  /** Weeks relative to the ship day: −W…−1 before, 0…W−1 after. */
  readonly offset: number;
  /** First day of the bucket, `YYYY-MM-DD`. */
  readonly start: string;
  readonly volume: number;
  readonly meanSentiment: number | null;
}

export interface ImpactSide {
  readonly weeks: readonly ImpactWeek[];
  readonly volume: number;
  readonly weeklyVolume: number;
  readonly meanSentiment: number | null;
  readonly negativeShare: number | null;
  readonly nps: number | null;
  readonly npsCustomers: number;
}

export interface ImpactSeries {
  readonly shipDay: string;
  readonly windowWeeks: number;
  readonly before: ImpactSide;
  readonly after: ImpactSide;
}

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Before and after a ship, for an action's themes: weekly buckets counted from the ship's UTC day
 * (the W weeks before it and the W weeks from it on; after-weeks that have not started by `now`
 * are left out, and the weekly volume divides by the weeks shown), mean sentiment, negative share
 * and the NPS of distinct customers (latest answer each) on each side.
 */
export function impactSeries(input: {
  readonly shippedAt: Date;
  readonly windowWeeks: number;
  readonly now: Date;
  readonly days: readonly ImpactDay[];
  readonly npsAnswers: readonly NpsAnswer[];
}): ImpactSeries {
  const w = input.windowWeeks;
  const ship = dayMs(input.shippedAt.toISOString().slice(0, 10));
  const buckets = new Map<number, { volume: number; sum: number; count: number; neg: number }>();
  for (let offset = -w; offset < w; offset += 1) {
    if (ship + offset * 7 * DAY_MS <= input.now.getTime()) {
      buckets.set(offset, { volume: 0, sum: 0, count: 0, neg: 0 });
    }
  }
  for (const day of input.days) {
    const offset = Math.floor((dayMs(day.day) - ship) / (7 * DAY_MS));
    const bucket = buckets.get(offset);
    if (!bucket) continue;
    bucket.volume += day.volume;
    bucket.sum += day.sentimentSum;
    bucket.count += day.sentimentCount;
    bucket.neg += day.negatives;
  }
  const side = (after: boolean): ImpactSide => {
    const entries = [...buckets.entries()]
      .filter(([offset]) => offset >= 0 === after)
      .sort(([a], [b]) => a - b);
    const weeks = entries.map(([offset, b]) => ({
      offset,
      start: isoDay(ship + offset * 7 * DAY_MS),
      volume: b.volume,
      meanSentiment: b.count > 0 ? round(b.sum / b.count, 4) : null,
    }));
    const total = entries.reduce(
      (t, [, b]) => ({
        volume: t.volume + b.volume,
        sum: t.sum + b.sum,
        count: t.count + b.count,
        neg: t.neg + b.neg,
      }),
      { volume: 0, sum: 0, count: 0, neg: 0 },
    );
    const from = after ? ship : ship - w * 7 * DAY_MS;
    const to = after ? ship + w * 7 * DAY_MS : ship;
    const nps = npsOfCustomers(
      input.npsAnswers.filter((a) => a.at.getTime() >= from && a.at.getTime() < to),
    );
    return {
      weeks,
      volume: total.volume,
      weeklyVolume: weeks.length > 0 ? round(total.volume / weeks.length, 2) : 0,
      meanSentiment: total.count > 0 ? round(total.sum / total.count, 4) : null,
      negativeShare: total.volume > 0 ? round(total.neg / total.volume, 4) : null,
      nps: nps.nps,
      npsCustomers: nps.customers,
    };
  };
  return { shipDay: isoDay(ship), windowWeeks: w, before: side(false), after: side(true) };
}
