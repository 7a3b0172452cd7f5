import type {
  AnnouncePreviewQuery,
  AudienceExclusionReason,
  AudienceFilterInput,
  FeedbackSourceKind,
  SentimentLabel,
} from '../graphql/generated';

/** The audience narrowing as the form holds it: empty means "everyone". */
export interface AudienceChoice {
  readonly sources: readonly FeedbackSourceKind[];
  readonly sentiment: readonly SentimentLabel[];
  readonly segment: string;
  /** YYYY-MM-DD, inclusive; empty for open. */
  readonly from: string;
  /** YYYY-MM-DD, inclusive; empty for open. */
  readonly to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The API's filter for a choice: only what narrows, days as UTC instants (`to` includes its
 * whole day), null when nothing narrows.
 */
export function audienceFilterOf(choice: AudienceChoice): AudienceFilterInput | null {
  const filter: { -readonly [K in keyof AudienceFilterInput]: AudienceFilterInput[K] } = {};
  if (choice.sources.length > 0) filter.sources = [...choice.sources];
  if (choice.sentiment.length > 0) filter.sentiment = [...choice.sentiment];
  if (choice.segment.trim()) filter.segment = choice.segment.trim();
  if (DAY.test(choice.from)) filter.from = `${choice.from}T00:00:00.000Z`;
  if (DAY.test(choice.to)) {
    const next = new Date(`${choice.to}T00:00:00.000Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    filter.to = next.toISOString();
  }
  return Object.keys(filter).length > 0 ? filter : null;
}

const REASON_LABEL: Readonly<Record<AudienceExclusionReason, string>> = {
  UNSUBSCRIBED: 'unsubscribed',
  ERASED: 'erased (GDPR)',
  NO_EMAIL: 'no email address',
  ALREADY_TOLD: 'already told about this action',
  OVER_CAP: 'over the weekly email cap',
};

/** Who is left out and why, as lines a person reads; reasons with nobody are left out. */
export function exclusionLines(
  excluded: AnnouncePreviewQuery['announcePreview']['excluded'],
): string[] {
  return excluded
    .filter((e) => e.count > 0)
    .map(
      (e) => `${e.count} ${e.count === 1 ? 'customer' : 'customers'}: ${REASON_LABEL[e.reason]}`,
    );
}
