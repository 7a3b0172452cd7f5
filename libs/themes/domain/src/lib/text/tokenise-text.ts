// wink-porter2-stemmer ships no types; the reference keeps them with this file for every project
// that compiles it (an ambient declaration next to it would not be seen by other projects' tsconfig).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./wink-porter2-stemmer.d.ts" />
import stem from 'wink-porter2-stemmer';
import { NEGATIONS, STOP_WORDS } from './stop-words';

/** One content word of a text: its stem (for matching) and its surface form (for labels). */
export interface ContentToken {
  readonly stem: string;
  readonly surface: string;
}

const NEGATION_TOKEN = 'not';
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/** Lower-cases, folds curly quotes and expands "n't" so negations survive tokenisation. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/n't\b/g, ' not')
    .replace(/'(s|m|re|ve|ll|d)\b/g, '')
    .replace(/'/g, '');
}

function stemWord(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const stemmed = stem(word);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, stemmed);
  return stemmed;
}

/**
 * Splits a text into content tokens: stop words and bare numbers are dropped, negations are
 * kept as "not", every other word is stemmed (Porter2).
 */
export function tokeniseText(text: string): ContentToken[] {
  const words = normaliseText(text).split(/[^\p{L}\p{N}]+/u);
  const tokens: ContentToken[] = [];
  for (const word of words) {
    if (word.length === 0) continue;
    if (NEGATIONS.has(word)) {
      tokens.push({ stem: NEGATION_TOKEN, surface: NEGATION_TOKEN });
      continue;
    }
    if (STOP_WORDS.has(word) || /^\p{N}+$/u.test(word) || word.length < 2) continue;
    tokens.push({ stem: stemWord(word), surface: word });
  }
  return tokens;
}

/** True when the token is the folded negation ("not"). */
export function isNegation(token: ContentToken): boolean {
  return token.stem === NEGATION_TOKEN;
}
