import { OPEN_LOOP_AGE_BUCKETS } from './loop-measures';
import { WEEK_MS, weekStart } from './week';

const DAY_MS = 86_400_000;

/**
 * How a range of the loop measures is read: whole ISO weeks inside `[from, to)` come from the
 * weekly roll-ups, the part-weeks at either end item by item from the facts.
 */
export interface LoopWindow {
  /** Mondays (`YYYY-MM-DD`) of the whole weeks, oldest first. */
  readonly weeks: readonly string[];
  /**
   * Per whole week, the open-loop age bucket (index into OPEN_LOOP_AGE_BUCKETS) every item of
   * the week is in at `now`, or -1 when a bucket boundary falls inside the week (its open loops
   * are then counted item by item).
   */
  readonly ageClasses: readonly number[];
  /** The whole weeks span `[wholeFrom, wholeTo)`; equal to `to` both when there is none. */
  readonly wholeFrom: Date;
  readonly wholeTo: Date;
  /**
   * For each whole week an age boundary falls in: the week's open loops go to `base` (from its
   * roll-up row), and the not-told items in `[from, to]` (`to` included when `toIncluded`) are
   * counted one by one and moved from `base` to their own bucket. The shorter side of the
   * boundary is counted. `base` null: no bucket (every item is counted one by one).
   */
  readonly recounts: readonly LoopRecount[];
}

export interface LoopRecount {
  readonly week: string;
  readonly base: number | null;
  readonly from: Date;
  readonly to: Date;
  readonly toIncluded: boolean;
}

/** Splits a week an open-loop age boundary falls in at the boundary; counts its shorter side. */
function recountOf(week: string, start: number, now: number): LoopRecount {
  const end = start + WEEK_MS;
  const inside = OPEN_LOOP_AGE_BUCKETS.map((b, n) => ({ n, at: now - b.fromDays * DAY_MS })).filter(
    (x) => x.n > 0 && x.at >= start && x.at < end,
  );
  const whole = { week, base: null, from: new Date(start), to: new Date(end), toIncluded: false };
  // Items of the week not yet spoken (now inside it) or two boundaries: count the whole week.
  if (inside.length !== 1 || now < end) return whole;
  const { n, at } = inside[0] as { n: number; at: number };
  // Spoken at or before `at`: bucket n (older); after: bucket n − 1.
  return at - start <= end - at
    ? { week, base: n - 1, from: new Date(start), to: new Date(at), toIncluded: true }
    : { week, base: n, from: new Date(at), to: new Date(end), toIncluded: false };
}

/** Splits `[from, to)` into whole weeks (with their open-loop age at `now`) and part-weeks. */
export function planLoopWindow(from: Date, to: Date, now: Date): LoopWindow {
  const firstMonday = weekStart(from);
  const wholeFrom =
    firstMonday.getTime() === from.getTime()
      ? firstMonday
      : new Date(firstMonday.getTime() + WEEK_MS);
  const wholeTo = weekStart(to);
  if (wholeFrom.getTime() >= wholeTo.getTime()) {
    return { weeks: [], ageClasses: [], wholeFrom: to, wholeTo: to, recounts: [] };
  }
  const recounts: LoopRecount[] = [];
  const weeks: string[] = [];
  const ageClasses: number[] = [];
  for (let t = wholeFrom.getTime(); t < wholeTo.getTime(); t += WEEK_MS) {
    weeks.push(new Date(t).toISOString().slice(0, 10));
    // Items of the week are aged in (now − t − 7 d, now − t].
    const youngest = (now.getTime() - t - WEEK_MS) / DAY_MS;
    const oldest = (now.getTime() - t) / DAY_MS;
    const ageClass = OPEN_LOOP_AGE_BUCKETS.findIndex(
      (b) => youngest >= b.fromDays && oldest < b.toDays,
    );
    ageClasses.push(ageClass);
    if (ageClass === -1)
      recounts.push(recountOf(weeks[weeks.length - 1] as string, t, now.getTime()));
  }
  return { weeks, ageClasses, wholeFrom, wholeTo, recounts };
}
