import type {
  FeedbackFilterInput,
  FeedbackSourceKind,
  JourneyStage,
  SentimentLabel,
  SurveyMetric,
} from '../graphql/generated';

/**
 * The explorer's filters as the URL carries them: query params named like FeedbackFilterInput
 * (`source`, `metric`, `scoreBand`, `sentimentLabel`, `themeId`, `customerId`, `journeyStage`,
 * `occurredFrom`, `occurredTo`, `search`). Dates are days (YYYY-MM-DD, `occurredTo` inclusive) or
 * instants (ISO 8601, `occurredTo` exclusive), so other pages can link with either.
 */
export interface ExplorerFilters {
  readonly source: FeedbackSourceKind | null;
  readonly metric: SurveyMetric | null;
  readonly scoreBand: string | null;
  readonly sentimentLabel: SentimentLabel | null;
  readonly themeId: string | null;
  readonly customerId: string | null;
  readonly journeyStage: JourneyStage | null;
  readonly occurredFrom: string | null;
  readonly occurredTo: string | null;
  readonly search: string | null;
}

export type FilterKey = keyof ExplorerFilters;

export const FILTER_KEYS: readonly FilterKey[] = [
  'source',
  'metric',
  'scoreBand',
  'sentimentLabel',
  'themeId',
  'customerId',
  'journeyStage',
  'occurredFrom',
  'occurredTo',
  'search',
];

export const NO_FILTERS: ExplorerFilters = {
  source: null,
  metric: null,
  scoreBand: null,
  sentimentLabel: null,
  themeId: null,
  customerId: null,
  journeyStage: null,
  occurredFrom: null,
  occurredTo: null,
  search: null,
};

export const SOURCES: readonly FeedbackSourceKind[] = ['SURVEY', 'SOCIAL', 'CRM', 'STAFF'];
export const METRICS: readonly SurveyMetric[] = ['NPS', 'CSAT', 'CES'];
export const SENTIMENTS: readonly SentimentLabel[] = ['NEGATIVE', 'NEUTRAL', 'POSITIVE'];
export const JOURNEY_STAGES: readonly JourneyStage[] = [
  'DISCOVER',
  'BUY',
  'ONBOARD',
  'USE',
  'SUPPORT',
  'RENEW',
  'LEAVE',
];

/** Score bands per metric, as the pipeline stores them. */
export const SCORE_BANDS: Readonly<Record<SurveyMetric, readonly string[]>> = {
  NPS: ['detractor', 'passive', 'promoter'],
  CSAT: ['dissatisfied', 'neutral', 'satisfied'],
  CES: ['difficult', 'neutral', 'easy'],
};

/** Every band, for when no metric is chosen. */
export function scoreBandsFor(metric: SurveyMetric | null): readonly string[] {
  if (metric) return SCORE_BANDS[metric];
  return [...new Set(METRICS.flatMap((m) => SCORE_BANDS[m]))];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_SEARCH = 200;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  const upper = value
    ?.trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  return allowed.find((a) => a === upper) ?? null;
}

function dateOrInstant(value: string | null): string | null {
  const v = value?.trim() ?? '';
  if (DAY.test(v)) return Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? null : v;
  return v !== '' && !Number.isNaN(Date.parse(v)) ? v : null;
}

/** Filters from query params; unknown values are dropped, enum values matched case-insensitively. */
export function filtersFromParams(get: (key: string) => string | null): ExplorerFilters {
  const text = (key: string) => get(key)?.trim() || null;
  const band = text('scoreBand')?.toLowerCase() ?? null;
  const search = text('search');
  return {
    source: oneOf(SOURCES, get('source')),
    metric: oneOf(METRICS, get('metric')),
    scoreBand: band && scoreBandsFor(null).includes(band) ? band : null,
    sentimentLabel: oneOf(SENTIMENTS, get('sentimentLabel')),
    themeId: text('themeId'),
    customerId: text('customerId'),
    journeyStage: oneOf(JOURNEY_STAGES, get('journeyStage')),
    occurredFrom: dateOrInstant(get('occurredFrom')),
    occurredTo: dateOrInstant(get('occurredTo')),
    search: search ? search.slice(0, MAX_SEARCH) : null,
  };
}

/** Query params for the filters: set ones only (null clears a param when merged). */
export function filtersToParams(filters: ExplorerFilters): Record<string, string | null> {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, filters[k] || null]));
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/** The API's filter: days become UTC instants, the `occurredTo` day included. */
export function toFilterInput(filters: ExplorerFilters): FeedbackFilterInput {
  const input: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (!value) continue;
    if (key === 'occurredFrom') input[key] = DAY.test(value) ? `${value}T00:00:00.000Z` : value;
    else if (key === 'occurredTo') input[key] = DAY.test(value) ? nextDay(value) : value;
    else input[key] = value;
  }
  return input as FeedbackFilterInput;
}

/** How many filters are set. */
export function activeFilterCount(filters: ExplorerFilters): number {
  return FILTER_KEYS.filter((k) => filters[k]).length;
}

/** The day part of a date filter, for a date input (instants shown as their UTC day). */
export function dayOf(value: string | null): string {
  if (!value) return '';
  return DAY.test(value) ? value : new Date(value).toISOString().slice(0, 10);
}
