// wink-sentiment ships no types; the reference keeps them with this file for every project that
// compiles it (an ambient declaration next to it would not be seen by the apps' tsconfig).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./wink-sentiment.d.ts" />
import winkSentiment, { type WinkToken } from 'wink-sentiment';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface Sentiment {
  /** -1 (most negative) to 1 (most positive). */
  score: number;
  label: SentimentLabel;
}

/**
 * The VADER authors' thresholds on the compound score, kept for this score: at or above 0.05 is
 * positive, at or below -0.05 negative, in between neutral.
 */
export const SENTIMENT_THRESHOLDS = { positive: 0.05, negative: -0.05 } as const;

/**
 * Customer-feedback phrases the lexicon scores as neutral or the wrong way round, with the valence
 * (-5 to 5) added to the sum of the text's valences for each occurrence.
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

/**
 * Words that negate a lexicon word up to three words after them, within a clause (VADER's list,
 * lower-cased; "n't" is how the tokenizer splits "isn't", "don't", "can't"…, and "no" negates as
 * in wink-sentiment: "no problem" is positive).
 */
const NEGATIONS: ReadonlySet<string> = new Set([
  "n't",
  'not',
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'nowhere',
  'neither',
  'nor',
  'non',
  'without',
  'cannot',
  'aint',
  'arent',
  'cant',
  'couldnt',
  'darent',
  'didnt',
  'doesnt',
  'dont',
  'hadnt',
  'hasnt',
  'havent',
  'isnt',
  'mightnt',
  'mustnt',
  'neednt',
  'oughtnt',
  'shant',
  'shouldnt',
  'wasnt',
  'werent',
  'wont',
  'wouldnt',
  'rarely',
  'seldom',
  'hardly',
  'despite',
]);

/** How far back a negation reaches, in words (VADER's window; wink-sentiment's is two). */
const NEGATION_WINDOW = 3;

/**
 * AFINN has "does not work" and "not working" at -3; wink-sentiment keeps them by giving "work",
 * "works" and "working" +3 and flipping it after a negation, which makes every "How does a
 * top-up work?" positive. Here these words only count when negated.
 */
const ONLY_WHEN_NEGATED: ReadonlySet<string> = new Set(['work', 'works', 'worked', 'working']);

/**
 * Words AFINN scores for a sense they rarely have in customer feedback: a cash "withdrawal" is not
 * the addict's (-3), a card's or a top-up's "limits" are not a complaint (-1), and "top" in
 * "top up" / "top-ups" is not praise (+2). They count 0 here.
 */
const NOT_SENTIMENT_WORDS: ReadonlySet<string> = new Set(['withdrawal', 'withdrawals', 'limits']);

function isNotSentiment(
  token: WinkToken,
  next: WinkToken | undefined,
  afterNext: WinkToken | undefined,
): boolean {
  const word = token.value.toLowerCase();
  if (NOT_SENTIMENT_WORDS.has(word)) return true;
  if (word !== 'top') return false;
  const following = next?.value === '-' ? afterNext : next;
  const up = following?.value.toLowerCase();
  return up === 'up' || up === 'ups';
}

/** The normalisation constant: score = sum / sqrt(sum² + ALPHA), as VADER's compound score. */
const ALPHA = 15;

/**
 * Sentiment of free text with the AFINN-165 lexicon, emojis and emoticons of `wink-sentiment`,
 * scored here with VADER's rules for negation and "but": a lexicon word is negated when "not",
 * "never", "n't", "no", "without"… stands up to three words before it in the same clause ("not
 * good" and "never had a problem at all" turn round, "isn't bad" is positive), and with "but" in
 * the text, what comes before it counts half and what comes after one and a half times. A few
 * feedback phrases the lexicon misses ({@link FEEDBACK_PHRASES}, e.g. "never again", "could be
 * better") are added to the sum of valences, which is normalised to -1..1 as VADER's compound
 * score. Empty or blank text is neutral with score 0. English only.
 *
 * Known limits: boosters ("very"), capitals and exclamation marks do not intensify; text in double
 * quotes is one token for the tokenizer and is not scored.
 */
export function scoreSentiment(text: string): Sentiment {
  if (text.trim() === '') return { score: 0, label: 'neutral' };
  // The tokenizer splits contractions only with a straight apostrophe.
  const tokens = winkSentiment(text.replace(/[‘’]/g, "'")).tokenizedPhrase ?? [];
  const sum = lexiconSum(tokens) + phraseAdjustment(text);
  const score = sum === 0 ? 0 : round4(sum / Math.sqrt(sum * sum + ALPHA));
  return { score, label: labelFor(score) };
}

/** The label for a score under {@link SENTIMENT_THRESHOLDS}. */
export function labelFor(score: number): SentimentLabel {
  if (score >= SENTIMENT_THRESHOLDS.positive) return 'positive';
  if (score <= SENTIMENT_THRESHOLDS.negative) return 'negative';
  return 'neutral';
}

function lexiconSum(tokens: readonly WinkToken[]): number {
  // As VADER: around the first "but".
  const butAt = tokens.findIndex((token) => token.value.toLowerCase() === 'but');
  let sum = 0;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as WinkToken;
    // wink-sentiment looks words up in a plain object, so "constructor" or "toString" come back
    // with a function as their score: only numbers are valences.
    if (typeof token.score !== 'number' || !Number.isFinite(token.score) || token.score === 0)
      continue;
    let valence = token.score;
    if (token.tag === 'word') {
      // wink-sentiment negates within two tokens, punctuation included; undo it and apply ours.
      const lexical = token.negation ? -valence : valence;
      const negated = isNegated(tokens, k);
      if (ONLY_WHEN_NEGATED.has(token.value.toLowerCase()) && !negated) continue;
      if (isNotSentiment(token, tokens[k + 1], tokens[k + 2])) continue;
      valence = negated ? -lexical : lexical;
    }
    if (butAt >= 0) valence *= k < butAt ? 0.5 : 1.5;
    sum += valence;
  }
  return sum;
}

/** Whether a negation stands up to {@link NEGATION_WINDOW} words before token `k`, in its clause. */
function isNegated(tokens: readonly WinkToken[], k: number): boolean {
  for (let back = 1; back <= NEGATION_WINDOW && k - back >= 0; back++) {
    const before = tokens[k - back] as WinkToken;
    if (before.tag === 'punctuation') return false;
    if (before.tag === 'word' && NEGATIONS.has(before.value.toLowerCase())) return true;
  }
  return false;
}

function phraseAdjustment(text: string): number {
  let sum = 0;
  for (const { pattern, valence } of FEEDBACK_PHRASES) {
    const matches = text.match(pattern);
    if (matches) sum += valence * matches.length;
  }
  return sum;
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
