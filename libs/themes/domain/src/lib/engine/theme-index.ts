import { SparseVector } from '../representation/sparse-vector';

/**
 * Inverted index from terms to the themes whose centroid holds them, with each posting list
 * capped to the `postingLimit` themes where the term weighs most. Scoring an item touches at
 * most terms x postingLimit entries, whatever the number of themes.
 */
export class ThemeIndex {
  private readonly postings = new Map<string, Map<string, number>>();
  private readonly indexedTerms = new Map<string, Set<string>>();

  constructor(private readonly postingLimit: number) {}

  /** Re-indexes a theme from its centroid (weights are centroid weights over its norm). */
  update(themeId: string, centroid: SparseVector, norm: number): void {
    const previous = this.indexedTerms.get(themeId) ?? new Set<string>();
    const current = new Set<string>();
    if (norm > 0) {
      for (const [term, weight] of centroid) {
        if (weight <= 0) continue;
        if (this.put(term, themeId, weight / norm)) current.add(term);
      }
    }
    for (const term of previous) if (!current.has(term)) this.drop(term, themeId);
    this.indexedTerms.set(themeId, current);
  }

  /** Updates the posting weights of some terms only (cheap path after adding one item). */
  updateTerms(
    themeId: string,
    terms: Iterable<string>,
    centroid: SparseVector,
    norm: number,
  ): void {
    let indexed = this.indexedTerms.get(themeId);
    if (!indexed) {
      indexed = new Set();
      this.indexedTerms.set(themeId, indexed);
    }
    for (const term of terms) {
      const weight = centroid.get(term);
      if (weight === undefined || weight <= 0 || norm === 0) {
        if (indexed.delete(term)) this.drop(term, themeId);
      } else if (this.put(term, themeId, weight / norm)) {
        indexed.add(term);
      } else {
        indexed.delete(term);
      }
    }
  }

  remove(themeId: string): void {
    for (const term of this.indexedTerms.get(themeId) ?? []) this.drop(term, themeId);
    this.indexedTerms.delete(themeId);
  }

  /**
   * Accumulates query-weight x posting-weight per theme: an estimate of the cosine between the
   * query and each theme centroid, computed term at a time.
   */
  score(query: SparseVector): Map<string, number> {
    const scores = new Map<string, number>();
    for (const [term, weight] of query) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      for (const [themeId, themeWeight] of posting) {
        scores.set(themeId, (scores.get(themeId) ?? 0) + weight * themeWeight);
      }
    }
    return scores;
  }

  private put(term: string, themeId: string, weight: number): boolean {
    let posting = this.postings.get(term);
    if (!posting) {
      posting = new Map();
      this.postings.set(term, posting);
    }
    if (posting.has(themeId) || posting.size < this.postingLimit) {
      posting.set(themeId, weight);
      return true;
    }
    let weakestId = '';
    let weakest = Infinity;
    for (const [id, w] of posting) {
      if (w < weakest) {
        weakest = w;
        weakestId = id;
      }
    }
    if (weight <= weakest) return false;
    posting.delete(weakestId);
    this.indexedTerms.get(weakestId)?.delete(term);
    posting.set(themeId, weight);
    return true;
  }

  private drop(term: string, themeId: string): void {
    const posting = this.postings.get(term);
    if (!posting) return;
    posting.delete(themeId);
    if (posting.size === 0) this.postings.delete(term);
  }
}
