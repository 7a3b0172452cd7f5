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
    return { weeks: [], ageClasses: [], wholeFrom: to, wholeTo: to };
  }
  const weeks: string[] = [];
  const ageClasses: number[] = [];
  for (let t = wholeFrom.getTime(); t < wholeTo.getTime(); t += WEEK_MS) {
    weeks.push(new Date(t).toISOString().slice(0, 10));
    // Items of the week are aged in (now − t − 7 d, now − t].
    const youngest = (now.getTime() - t - WEEK_MS) / DAY_MS;
    const oldest = (now.getTime() - t) / DAY_MS;
    ageClasses.push(
      OPEN_LOOP_AGE_BUCKETS.findIndex((b) => youngest >= b.fromDays && oldest < b.toDays),
    );
  }
  return { weeks, ageClasses, wholeFrom, wholeTo };
}
