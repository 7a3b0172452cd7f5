import type { ThemeSort, ThemeStatus } from '../graphql/generated';
import { sourceLabel } from '../shared/feedback-format';
import type { Tone } from '../shared/tone';

export const THEME_SORTS: readonly { readonly value: ThemeSort; readonly label: string }[] = [
  { value: 'VOLUME', label: 'Most feedback' },
  { value: 'RECENT', label: 'Newest feedback' },
  { value: 'NEGATIVE_SHARE', label: 'Most negative' },
];

export const THEME_STATUSES: readonly { readonly value: ThemeStatus; readonly label: string }[] = [
  { value: 'ACTIVE', label: 'Active' },
  { value: 'NOISE', label: 'Set aside as noise' },
  { value: 'MERGED', label: 'Merged' },
];

/** The list's state as kept in the URL: `search`, `sort`, `status`, `emerging`. */
export interface ThemeListParams {
  readonly search: string;
  readonly sort: ThemeSort;
  readonly status: ThemeStatus;
  readonly emerging: boolean;
}

/** Reads the list's query params, falling back to the defaults for anything missing or unknown. */
export function readThemeListParams(get: (name: string) => string | null): ThemeListParams {
  const sort = get('sort');
  const status = get('status');
  return {
    search: (get('search') ?? '').slice(0, 200),
    sort: THEME_SORTS.some((s) => s.value === sort) ? (sort as ThemeSort) : 'VOLUME',
    status: THEME_STATUSES.some((s) => s.value === status) ? (status as ThemeStatus) : 'ACTIVE',
    emerging: get('emerging') === 'true',
  };
}

/** Query params for the list's state, leaving defaults out so links stay short. */
export function themeListQueryParams(params: ThemeListParams): Record<string, string | null> {
  return {
    search: params.search.trim() || null,
    sort: params.sort === 'VOLUME' ? null : params.sort,
    status: params.status === 'ACTIVE' ? null : params.status,
    emerging: params.emerging ? 'true' : null,
  };
}

/** 0.237 → "24%"; null → "–". */
export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`;
}

/** Mean sentiment, signed with two decimals: 0.25 → "+0.25"; null → "–". */
export function formatSentiment(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  const rounded = Math.round(value * 100) / 100;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded).toFixed(2)}`;
}

/** NPS as a whole signed number: 12.5 → "+13"; null → "–". */
export function formatNps(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  const rounded = Math.round(value);
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded)}`;
}

export function sentimentTone(value: number | null | undefined): Tone {
  if (value === null || value === undefined) return 'neutral';
  return value <= -0.2 ? 'negative' : value >= 0.2 ? 'positive' : 'neutral';
}

export interface SourceShare {
  readonly source: string;
  readonly label: string;
  readonly volume: number;
  /** Percentage of the total, 0 to 100, for a stacked bar. */
  readonly percent: number;
}

/** Each source's share of a theme's items, largest first; empty when there are none. */
export function sourceShares(
  sources: readonly { readonly source: string; readonly volume: number }[],
): SourceShare[] {
  const total = sources.reduce((sum, s) => sum + s.volume, 0);
  if (total === 0) return [];
  return [...sources]
    .filter((s) => s.volume > 0)
    .sort((a, b) => b.volume - a.volume || a.source.localeCompare(b.source))
    .map((s) => ({
      source: s.source,
      label: sourceLabel(s.source),
      volume: s.volume,
      percent: Math.round((s.volume / total) * 1000) / 10,
    }));
}

/** "Survey 8, Social 4", for screen readers and as the bar's text. */
export function sourceMixText(shares: readonly SourceShare[]): string {
  return shares.length === 0
    ? 'No sources yet'
    : shares.map((s) => `${s.label} ${s.volume}`).join(', ');
}

/**
 * An SVG polyline's points for a sparkline of the values in a width × height box (y grows
 * downwards, the largest value touches the top, zero the bottom; a 1px margin keeps the stroke in).
 */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return '';
  const max = Math.max(...values, 1);
  const step = values.length > 1 ? (width - 2) / (values.length - 1) : 0;
  return values
    .map((v, i) => {
      const x = 1 + i * step;
      const y = height - 1 - (Math.max(v, 0) / max) * (height - 2);
      return `${round1(x)},${round1(y)}`;
    })
    .join(' ');
}

/** "12 items in the last 30 days, at most 3 a day". */
export function sparklineSummary(values: readonly number[]): string {
  const total = values.reduce((sum, v) => sum + v, 0);
  if (total === 0) return `No items in the last ${values.length} days`;
  return `${total} item${total === 1 ? '' : 's'} in the last ${values.length} days, at most ${Math.max(...values)} a day`;
}

/** Why an item is in its theme, in words. */
export function reasonText(
  reason:
    | {
        readonly kind: string;
        readonly sharedTerms: readonly string[];
        readonly similarity: number | null;
        readonly threshold: number | null;
      }
    | null
    | undefined,
): string {
  if (!reason) return 'Not placed by the engine yet';
  if (reason.kind === 'moved') return 'Moved here by a person';
  if (reason.kind === 'split') return 'Split out into this theme by a person';
  const terms =
    reason.sharedTerms.length > 0
      ? `shares “${reason.sharedTerms.join('”, “')}”`
      : 'no shared terms';
  const similarity =
    reason.similarity === null
      ? ''
      : `similarity ${reason.similarity.toFixed(2)}${reason.threshold === null ? '' : ` (needed ${reason.threshold.toFixed(2)})`}`;
  const how = reason.kind === 'created-theme' ? 'Opened this theme' : 'Matched the theme';
  return [how, terms, similarity].filter((part) => part !== '').join('; ');
}

/** A breakdown row with its bar width relative to the largest row. */
export function breakdownBars<T extends { readonly volume: number }>(
  rows: readonly T[],
): (T & { readonly percent: number })[] {
  const max = Math.max(0, ...rows.map((r) => r.volume));
  return rows.map((r) => ({ ...r, percent: max === 0 ? 0 : Math.round((r.volume / max) * 100) }));
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
