const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** The Monday 00:00 UTC that starts the ISO week of `at` (weeks of the measures and series). */
export function weekStart(at: Date): Date {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(day - weekday * DAY_MS);
}

/** `YYYY-MM-DD` of a week's Monday. */
export const weekKey = (at: Date): string => weekStart(at).toISOString().slice(0, 10);

/** Every week's Monday from the week of `from` to the week of `to`, both included. */
export function weeksBetween(from: Date, to: Date): string[] {
  const weeks: string[] = [];
  for (let t = weekStart(from).getTime(); t <= weekStart(to).getTime(); t += WEEK_MS) {
    weeks.push(new Date(t).toISOString().slice(0, 10));
  }
  return weeks;
}
