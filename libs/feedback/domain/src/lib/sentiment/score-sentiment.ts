// vader-sentiment ships no types; the reference keeps them with this file for every project that
// compiles it (an ambient declaration next to it would not be seen by the apps' tsconfig).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./vader-sentiment.d.ts" />
import { SentimentIntensityAnalyzer } from 'vader-sentiment';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface Sentiment {
  /** -1 (most negative) to 1 (most positive). */
  score: number;
  label: SentimentLabel;
}

/**
 * The VADER authors' thresholds on the compound score: at or above 0.05 is positive, at or below
 * -0.05 negative, in between neutral.
 */
export const SENTIMENT_THRESHOLDS = { positive: 0.05, negative: -0.05 } as const;

/**
 * Customer-feedback phrases VADER's lexicon scores as neutral or the wrong way round, with the
 * valence (VADER's scale, -4 to 4) added to the sum of the text's valences for each occurrence.
 */
const FEEDBACK_PHRASES: readonly { pattern: RegExp; valence: number }[] = [
  // "never" only negates a lexicon word, and "again" has no valence: "Never again." scores 0.
  { pattern: /\bnever again\b/gi, valence: -2 },
  {
    pattern:
      /\bnever\s+(?:[\p{L}']+\s+){0,2}?(?:use|buy|shop|order|bank|fly|stay|eat|come|go|return|recommend)\w*\b[^.!?]*?\bagain\b/giu,
    valence: -2,
  },
  // "better" is positive; "could be better" is a complaint.
  { pattern: /\bcould(?:n't| not)? (?:be|have been) better\b/gi, valence: -2.9 },
  { pattern: /\b(?:still|been|keep) waiting\b/gi, valence: -1.5 },
  { pattern: /\btook (?:forever|ages)\b/gi, valence: -1.5 },
];

/** VADER's normalisation constant: compound = sum / sqrt(sum² + ALPHA). */
const ALPHA = 15;

/**
 * Sentiment of free text with the VADER lexicon and rules (`vader-sentiment`): it handles
 * negation ("not good" is negative, "isn't bad" mildly positive), boosters ("very"), "but",
 * capitals, exclamation marks and emoticons. A few feedback phrases VADER misses
 * ({@link FEEDBACK_PHRASES}, e.g. "never again") are added to the sum of valences before it is
 * normalised again. Empty or blank text is neutral with score 0. English only.
 */
export function scoreSentiment(text: string): Sentiment {
  if (text.trim() === '') return { score: 0, label: 'neutral' };
  const { compound } = SentimentIntensityAnalyzer.polarity_scores(text);
  const adjustment = FEEDBACK_PHRASES.reduce(
    (sum, { pattern, valence }) => sum + valence * (text.match(pattern)?.length ?? 0),
    0,
  );
  const score = adjustment === 0 ? compound : round4(normalise(denormalise(compound) + adjustment));
  return { score, label: labelFor(score) };
}

/** The label for a compound score under {@link SENTIMENT_THRESHOLDS}. */
export function labelFor(score: number): SentimentLabel {
  if (score >= SENTIMENT_THRESHOLDS.positive) return 'positive';
  if (score <= SENTIMENT_THRESHOLDS.negative) return 'negative';
  return 'neutral';
}

function normalise(sum: number): number {
  return sum / Math.sqrt(sum * sum + ALPHA);
}

/** The sum of valences behind a compound score (the inverse of `normalise`). */
function denormalise(compound: number): number {
  const c = Math.max(-0.9999, Math.min(0.9999, compound));
  return c * Math.sqrt(ALPHA / (1 - c * c));
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
