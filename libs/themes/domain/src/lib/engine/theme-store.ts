import { SparseVector, dotProduct, topTerms, vectorNorm } from '../representation/sparse-vector';
import { ThemeIndex } from './theme-index';
import { ThemeState, createThemeState } from './theme-state';

/** A scored theme candidate. */
export interface ThemeMatch {
  readonly theme: ThemeState;
  readonly similarity: number;
}

/** Options for {@link ThemeStore.bestMatches}. */
export interface MatchFilter {
  readonly exclude?: (theme: ThemeState) => boolean;
  readonly limit?: number;
}

/**
 * Holds every theme and keeps centroids and the inverted index consistent. Centroids are
 * weighted sums of member vectors truncated to `maxCentroidTerms` terms.
 */
export class ThemeStore {
  readonly themes = new Map<string, ThemeState>();
  private readonly index: ThemeIndex;
  private nextNumber = 1;

  constructor(
    private readonly maxCentroidTerms: number,
    postingLimit: number,
    /** How many index-scored candidates get an exact similarity. */
    private readonly candidateLimit: number,
    /** Theme ids are this prefix and a number; a prefix per theme space keeps ids unique across spaces. */
    private readonly idPrefix = 'theme-',
  ) {
    this.index = new ThemeIndex(postingLimit);
  }

  get nextThemeNumber(): number {
    return this.nextNumber;
  }

  set nextThemeNumber(value: number) {
    this.nextNumber = value;
  }

  create(at: number): ThemeState {
    const theme = createThemeState(`${this.idPrefix}${this.nextNumber++}`, at);
    this.themes.set(theme.id, theme);
    return theme;
  }

  /** Registers a theme restored from a snapshot. */
  restore(theme: ThemeState): void {
    this.themes.set(theme.id, theme);
    if (theme.status === 'active') this.index.update(theme.id, theme.centroid, theme.centroidNorm);
  }

  get(id: string): ThemeState | undefined {
    return this.themes.get(id);
  }

  active(): ThemeState[] {
    return [...this.themes.values()].filter((theme) => theme.status === 'active');
  }

  /** Adds (weight > 0) or removes (weight < 0) a unit vector to a theme centroid. */
  addVector(theme: ThemeState, vector: SparseVector, weight: number): void {
    let normSquared = theme.centroidNorm * theme.centroidNorm;
    for (const [term, value] of vector) {
      const before = theme.centroid.get(term);
      if (before === undefined && weight < 0) continue;
      const after = (before ?? 0) + weight * value;
      normSquared += after * after - (before ?? 0) * (before ?? 0);
      if (after <= 1e-9) theme.centroid.delete(term);
      else theme.centroid.set(term, after);
    }
    theme.weight = Math.max(0, theme.weight + weight);
    if (theme.centroid.size > 2 * this.maxCentroidTerms) {
      theme.centroid = topTerms(theme.centroid, this.maxCentroidTerms);
      theme.centroidNorm = vectorNorm(theme.centroid);
      this.reindex(theme);
      return;
    }
    theme.centroidNorm = Math.sqrt(Math.max(0, normSquared));
    if (theme.status === 'active') {
      this.index.updateTerms(theme.id, vector.keys(), theme.centroid, theme.centroidNorm);
    }
  }

  /** Folds one centroid into another (used by merges). */
  addCentroid(target: ThemeState, source: ThemeState): void {
    for (const [term, value] of source.centroid) {
      target.centroid.set(term, (target.centroid.get(term) ?? 0) + value);
    }
    target.weight += source.weight;
    target.centroid = topTerms(target.centroid, this.maxCentroidTerms);
    target.centroidNorm = vectorNorm(target.centroid);
    this.reindex(target);
  }

  /** Rebuilds a theme's index entries (or drops them when it is no longer active). */
  reindex(theme: ThemeState): void {
    if (theme.status === 'active') this.index.update(theme.id, theme.centroid, theme.centroidNorm);
    else this.index.remove(theme.id);
  }

  /** Cosine between a unit vector and a theme centroid. */
  similarity(vector: SparseVector, theme: ThemeState): number {
    return theme.centroidNorm === 0 ? 0 : dotProduct(vector, theme.centroid) / theme.centroidNorm;
  }

  /** Cosine between two theme centroids. */
  centroidSimilarity(a: ThemeState, b: ThemeState): number {
    const denominator = a.centroidNorm * b.centroidNorm;
    return denominator === 0 ? 0 : dotProduct(a.centroid, b.centroid) / denominator;
  }

  /**
   * Best active themes for a vector: the inverted index proposes candidates, the best
   * `candidateLimit` of them are scored exactly. Cost does not grow with the theme count.
   */
  bestMatches(vector: SparseVector, filter: MatchFilter = {}): ThemeMatch[] {
    const estimates = [...this.index.score(vector)].sort((a, b) => b[1] - a[1]);
    const matches: ThemeMatch[] = [];
    for (const [themeId] of estimates) {
      if (matches.length >= this.candidateLimit) break;
      const theme = this.themes.get(themeId);
      if (!theme || theme.status !== 'active' || filter.exclude?.(theme)) continue;
      matches.push({ theme, similarity: this.similarity(vector, theme) });
    }
    matches.sort((a, b) => b.similarity - a.similarity);
    return matches.slice(0, filter.limit ?? matches.length);
  }
}
