import type { FeedbackRowFragment } from '../graphql/generated';
import type { Tone } from './tone';

type Customer = FeedbackRowFragment['customer'];

/** The name to show for a customer: their name, else their email, else that they are anonymous. */
export function customerName(customer: Customer | undefined): string {
  return customer?.name?.trim() || customer?.email?.trim() || 'Anonymous';
}

/** The email to show under the name, when it adds something. */
export function customerEmail(customer: Customer | undefined): string | null {
  const email = customer?.email?.trim();
  if (!email) return null;
  return customer?.name?.trim() ? email : null;
}

const POSITIVE_BANDS = new Set(['promoter', 'satisfied', 'easy']);
const NEGATIVE_BANDS = new Set(['detractor', 'dissatisfied', 'difficult']);

/** Promoters and satisfied customers read positive, detractors negative, the rest neutral. */
export function bandTone(band: string | null | undefined): Tone {
  const b = band?.toLowerCase() ?? '';
  if (POSITIVE_BANDS.has(b)) return 'positive';
  if (NEGATIVE_BANDS.has(b)) return 'negative';
  return 'neutral';
}

function capitalise(value: string): string {
  return value.length === 0 ? value : value[0].toUpperCase() + value.slice(1);
}

/** "NPS 3 · Detractor", or null when the feedback carries no score. */
export function scoreLabel(
  feedback: Pick<FeedbackRowFragment, 'metric' | 'score' | 'scoreBand'>,
): string | null {
  if (feedback.score === null && !feedback.metric) return null;
  const parts = [[feedback.metric, feedback.score].filter((p) => p !== null && p !== '').join(' ')];
  if (feedback.scoreBand) parts.push(capitalise(feedback.scoreBand));
  return parts.filter((p) => p !== '').join(' · ');
}

const SOURCE_LABELS: Readonly<Record<string, string>> = {
  survey: 'Survey',
  social: 'Social',
  crm: 'CRM',
  staff: 'Staff',
};

export function sourceLabel(source: string): string {
  return SOURCE_LABELS[source.toLowerCase()] ?? capitalise(source);
}

/** Newest received first; ties broken by id so the order is stable. */
export function newestFirst<T extends { readonly receivedAt: string; readonly id: string }>(
  rows: readonly T[],
): T[] {
  return [...rows].sort((a, b) => {
    const byDate = Date.parse(b.receivedAt) - Date.parse(a.receivedAt);
    return byDate !== 0 ? byDate : b.id.localeCompare(a.id);
  });
}

/** Whether a row matches a free-text filter on customer, comment, source, metric and band. */
export function matchesFilter(row: FeedbackRowFragment, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return true;
  return [row.customer?.name, row.customer?.email, row.text, row.source, row.metric, row.scoreBand]
    .filter((v): v is string => typeof v === 'string')
    .some((v) => v.toLowerCase().includes(needle));
}
