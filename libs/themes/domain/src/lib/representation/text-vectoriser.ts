import { extractTerms } from '../text/extract-terms';
import { ContentToken, tokeniseText } from '../text/tokenise-text';
import { SparseVector, normaliseVector } from './sparse-vector';
import { TermStatistics } from './term-statistics';

/** A text turned into a unit-length TF-IDF vector, with the tokens it came from. */
export interface VectorisedText {
  readonly tokens: readonly ContentToken[];
  readonly vector: SparseVector;
}

/**
 * Sparse TF-IDF representation over stemmed unigrams and bigrams with sub-linear term
 * frequency. Document frequencies are learnt online (`learn: true`) from the stream itself.
 */
export class TextVectoriser {
  constructor(readonly statistics: TermStatistics) {}

  vectorise(text: string, learn: boolean): VectorisedText {
    const tokens = tokeniseText(text);
    const terms = extractTerms(tokens);
    if (learn && terms.length > 0) this.statistics.observe(terms);
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const weights: SparseVector = new Map();
    for (const [term, count] of counts) {
      weights.set(term, (1 + Math.log(count)) * this.statistics.idf(term));
    }
    return { tokens, vector: normaliseVector(weights) };
  }
}
