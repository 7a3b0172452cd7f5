import { SeededRandom } from '../random/seeded-random';
import { addScaled, dot } from '../vectors/dense-vector';
import { CentroidIndex } from './centroid-index';
import { EmbeddingFrame } from './embedding-frame';
import { ThemeState, createThemeState } from './theme-state';

/** A scored theme candidate. */
export interface ThemeMatch {
  readonly theme: ThemeState;
  readonly similarity: number;
}

/**
 * Holds every theme ever issued and keeps derived state consistent: each live theme's centred
 * centroid, the centroid index, and which themes changed (for persistence and for the next
 * consolidation pass).
 */
export class ThemeStore {
  readonly themes = new Map<string, ThemeState>();
  /** Changed since the last {@link takeChanged}: what a persistence layer must write. */
  private readonly changed = new Set<string>();
  /** Changed since the last consolidation pass: what the pass must look at. */
  private readonly unsettled = new Set<string>();
  private readonly live: string[] = [];
  private readonly livePosition = new Map<string, number>();
  private readonly index: CentroidIndex;
  nextThemeNumber = 1;

  constructor(
    private readonly frame: EmbeddingFrame,
    private readonly idPrefix: string,
    exhaustiveLimit?: number,
  ) {
    this.index = new CentroidIndex(exhaustiveLimit);
  }

  create(at: number, dimensions: number): ThemeState {
    const theme = createThemeState(`${this.idPrefix}${this.nextThemeNumber++}`, at, dimensions);
    this.register(theme);
    this.touch(theme);
    return theme;
  }

  /** Registers a theme loaded from storage (replacing any held under its id). */
  register(theme: ThemeState): void {
    const previous = this.themes.get(theme.id);
    if (previous && previous.status === 'active') this.dropLive(previous.id);
    this.themes.set(theme.id, theme);
    if (theme.status === 'active') {
      this.addLive(theme.id);
      theme.centroid = this.frame.centreMean(theme.sum, theme.weight);
      this.index.upsert(theme.id, theme.centroid);
    } else {
      this.index.remove(theme.id);
    }
  }

  get(id: string): ThemeState | undefined {
    return this.themes.get(id);
  }

  /** Live themes in no particular order. */
  active(): ThemeState[] {
    return this.live.map((id) => this.themes.get(id) as ThemeState);
  }

  get activeCount(): number {
    return this.live.length;
  }

  /** A uniformly drawn live theme. */
  randomActive(random: SeededRandom): ThemeState | undefined {
    if (this.live.length === 0) return undefined;
    return this.themes.get(this.live[random.nextInt(this.live.length)]);
  }

  /** Adds (weight > 0) or removes (weight < 0) a raw embedding to a theme's sum. */
  addVector(theme: ThemeState, raw: ArrayLike<number>, weight: number): void {
    addScaled(theme.sum, raw, weight);
    theme.weight = Math.max(0, theme.weight + weight);
    this.refresh(theme);
  }

  /** Folds one theme's sum into another's (merges). */
  addSum(target: ThemeState, source: ThemeState): void {
    addScaled(target.sum, source.sum, 1);
    target.weight += source.weight;
    this.refresh(target);
  }

  /** Recomputes a theme's centroid after its sum changed and records the change. */
  refresh(theme: ThemeState): void {
    if (theme.status === 'active') {
      theme.centroid = this.frame.centreMean(theme.sum, theme.weight);
      this.index.upsert(theme.id, theme.centroid);
    }
    this.touch(theme);
  }

  /** Takes a theme out of the live set (merged or set aside as noise). */
  retire(theme: ThemeState, status: 'merged' | 'noise'): void {
    theme.status = status;
    this.dropLive(theme.id);
    this.index.remove(theme.id);
    this.touch(theme);
  }

  /** Brings a theme set aside as noise back to life (a person's move into it). */
  revive(theme: ThemeState): void {
    theme.status = 'active';
    theme.manualNoise = false;
    this.addLive(theme.id);
    this.refresh(theme);
  }

  /** Records that a theme's membership changed: persistence and consolidation must see it. */
  touch(theme: ThemeState): void {
    this.changed.add(theme.id);
    this.unsettled.add(theme.id);
  }

  /** Records a change only persistence cares about (label, key phrases, flags). */
  markChanged(theme: ThemeState): void {
    this.changed.add(theme.id);
  }

  /**
   * Recomputes every live centroid (after the frame's origin moved). Index cells are kept: the
   * origin moves little once warmed up, and changed themes are re-filed at each pass.
   */
  recentreAll(): void {
    for (const theme of this.active()) {
      theme.centroid = this.frame.centreMean(theme.sum, theme.weight);
      this.index.upsert(theme.id, theme.centroid);
    }
  }

  /** Lets the index re-file the themes that moved since the last pass. */
  rehomeUnsettled(random: SeededRandom): void {
    this.index.rehome(this.unsettled, random);
  }

  /** Themes changed since the last consolidation pass; clears the set. */
  takeUnsettled(): ThemeState[] {
    const themes = [...this.unsettled].map((id) => this.themes.get(id) as ThemeState);
    this.unsettled.clear();
    return themes;
  }

  /** Themes changed since the last call; clears the set. */
  takeChanged(): ThemeState[] {
    const themes = [...this.changed].map((id) => this.themes.get(id) as ThemeState);
    this.changed.clear();
    return themes;
  }

  /** Cosine between a centred unit vector and a theme's centroid. */
  similarity(vector: ArrayLike<number>, theme: ThemeState): number {
    return dot(vector, theme.centroid);
  }

  /**
   * The closest live themes to a centred unit vector, best first (`probes`: how many index cells
   * to look into past the exhaustive size; fewer is cheaper and rougher).
   */
  nearest(
    vector: ArrayLike<number>,
    limit: number,
    exclude?: (theme: ThemeState) => boolean,
    probes?: number,
  ): ThemeMatch[] {
    const filter = exclude ? (id: string) => exclude(this.themes.get(id) as ThemeState) : undefined;
    return this.index
      .nearest(vector, limit, filter, probes)
      .map((hit) => ({ theme: this.themes.get(hit.id) as ThemeState, similarity: hit.similarity }));
  }

  private addLive(id: string): void {
    if (this.livePosition.has(id)) return;
    this.livePosition.set(id, this.live.length);
    this.live.push(id);
  }

  private dropLive(id: string): void {
    const position = this.livePosition.get(id);
    if (position === undefined) return;
    const last = this.live.pop() as string;
    if (last !== id) {
      this.live[position] = last;
      this.livePosition.set(last, position);
    }
    this.livePosition.delete(id);
  }
}
