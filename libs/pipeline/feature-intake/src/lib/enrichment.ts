import type { JourneyStage } from '@closedloop/feedback-domain';

/** What intake adds to a feedback item before storing it. */
export interface Enrichment {
  /** The customer's words with personal data replaced by placeholders; null when there were none. */
  readonly text: string | null;
  readonly language: string | null;
  readonly sentiment: number | null;
  readonly sentimentLabel: 'negative' | 'neutral' | 'positive' | null;
  readonly journeyStage: JourneyStage;
  readonly needsPublicAnswer: boolean;
  /** How many of each kind of personal data were redacted. */
  readonly redactions: readonly { readonly kind: string; readonly count: number }[];
}
