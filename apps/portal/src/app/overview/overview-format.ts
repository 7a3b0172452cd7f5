/** A share (0 … 1) as a whole percentage; a dash when there is nothing to divide. */
export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`;
}

/** Hours as hours below two days, else as days with one decimal. */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return '–';
  if (hours < 1) return 'under 1 h';
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${(hours / 24).toFixed(1)} days`;
}

/** NPS (−100 … 100) with its sign. */
export function formatNps(nps: number | null | undefined): string {
  if (nps === null || nps === undefined) return '–';
  const rounded = Math.round(nps);
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

/** Mean sentiment (−1 … 1) with two decimals and its sign. */
export function formatSentiment(mean: number | null | undefined): string {
  if (mean === null || mean === undefined) return '–';
  const fixed = mean.toFixed(2);
  return mean > 0 && fixed !== '0.00' ? `+${fixed}` : fixed === '-0.00' ? '0.00' : fixed;
}

/** A Monday as "1 Jun". */
export function formatWeek(week: string): string {
  const date = new Date(`${week}T00:00:00Z`);
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}
