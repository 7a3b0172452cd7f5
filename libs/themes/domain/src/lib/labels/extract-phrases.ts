import { TERM_SEPARATOR } from '../text/extract-terms';
import { ContentToken, isNegation } from '../text/tokenise-text';

/** A candidate key phrase: stem key (for counting) and surface words (for display). */
export interface Phrase {
  readonly key: string;
  readonly surface: string;
  readonly length: number;
}

/**
 * Contiguous runs of one to `maxLength` content words, as a person would write them
 * ("card not arrived", "exchange rate"). A phrase never ends on a negation.
 */
export function extractPhrases(tokens: readonly ContentToken[], maxLength = 3): Phrase[] {
  const phrases: Phrase[] = [];
  for (let start = 0; start < tokens.length; start++) {
    for (let length = 1; length <= maxLength && start + length <= tokens.length; length++) {
      const run = tokens.slice(start, start + length);
      const last = run[run.length - 1];
      if (isNegation(last) || (length === 1 && isNegation(run[0]))) continue;
      if (new Set(run.map((token) => token.stem)).size < run.length) continue;
      phrases.push({
        key: run.map((token) => token.stem).join(TERM_SEPARATOR),
        surface: run.map((token) => token.surface).join(' '),
        length,
      });
    }
  }
  return phrases;
}
