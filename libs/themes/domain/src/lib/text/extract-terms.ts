import { ContentToken, isNegation } from './tokenise-text';

/** Separator inside n-gram term keys ("card arriv"). */
export const TERM_SEPARATOR = ' ';

/**
 * Terms of a token sequence: stemmed unigrams (except the bare negation) and adjacent
 * bigrams, so "card not arrived" yields card, arriv, "card not", "not arriv".
 */
export function extractTerms(tokens: readonly ContentToken[]): string[] {
  const terms: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!isNegation(token)) terms.push(token.stem);
    if (i + 1 < tokens.length) {
      const next = tokens[i + 1];
      if (token.stem !== next.stem) terms.push(token.stem + TERM_SEPARATOR + next.stem);
    }
  }
  return terms;
}
