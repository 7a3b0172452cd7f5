import { addScaled, unitDifference } from '../vectors/dense-vector';

/** Plain-JSON form of an {@link EmbeddingFrame}. */
export interface EmbeddingFrameState {
  readonly sum: number[];
  readonly count: number;
  readonly origin: number[];
  readonly priorWeight?: number;
}

/**
 * Items after which the warm-up refreshes the origin: 32, 64, 128, 256. Not earlier: n items
 * centred on their own mean are anti-correlated (-1/(n-1)), which would distort the first themes.
 */
const FIRST_WARM_UP_REFRESH = 32;
const LAST_WARM_UP_REFRESH = 256;

/**
 * Where similarities are measured from. Sentence embeddings of one domain share a large common
 * direction (their cosines sit around 0.5 even for unrelated texts), which blurs every theme
 * into every other. The frame learns the mean embedding of the stream and centres every vector
 * on it, so unrelated texts score near 0 whatever the domain. The origin in force moves only
 * when {@link refresh} is called (during warm-up, then at each consolidation), so centroids
 * computed between two refreshes stay comparable.
 */
export class EmbeddingFrame {
  private sum: Float64Array | undefined;
  private count = 0;
  private origin: Float64Array | undefined;

  /** Dimensions of the embeddings, once the first one was seen. */
  get dimensions(): number | undefined {
    return this.sum?.length;
  }

  /** Items observed (pseudo-items of a prior not counted). */
  get observed(): number {
    return this.count - this.priorWeight;
  }

  /**
   * Starts the frame from a prior origin (the mean embedding of a reference corpus for the model),
   * counted as `weight` pseudo-items in the running mean: a stream's first items are centred from
   * the start, and the stream's own mean takes over as it grows.
   */
  seed(prior: ArrayLike<number>, weight: number): void {
    if (this.count > 0) throw new Error('A frame can only be seeded before its first item');
    this.requireDimensions(prior.length);
    addScaled(this.sum as Float64Array, prior, weight);
    this.count = weight;
    this.priorWeight = weight;
    this.origin = Float64Array.from(prior);
  }

  /** Pseudo-items the prior counts for (0 without one). */
  private priorWeight = 0;

  /** Adds one raw (uncentred) embedding to the running mean. */
  observe(raw: ArrayLike<number>): void {
    this.requireDimensions(raw.length);
    addScaled(this.sum as Float64Array, raw, 1);
    this.count++;
  }

  /** True right after the warm-up counts (32, 64, 128, 256 items), when the origin should move. */
  dueForWarmUpRefresh(): boolean {
    const n = this.count - this.priorWeight;
    return n >= FIRST_WARM_UP_REFRESH && n <= LAST_WARM_UP_REFRESH && (n & (n - 1)) === 0;
  }

  /**
   * Moves the origin to the current running mean, unless it is already within `tolerance` of it
   * (Euclidean; embeddings are unit vectors). Answers whether it moved: once the stream's mean has
   * settled the origin stays put, and what was computed from it stays valid.
   */
  refresh(tolerance = 0): boolean {
    if (!this.sum || this.count === 0 || !this.origin) return false;
    const origin = new Float64Array(this.sum.length);
    let squares = 0;
    for (let i = 0; i < origin.length; i++) {
      origin[i] = this.sum[i] / this.count;
      squares += (origin[i] - this.origin[i]) ** 2;
    }
    if (squares > 0 && Math.sqrt(squares) <= tolerance) return false;
    if (squares === 0) return false;
    this.origin = origin;
    this.version++;
    return true;
  }

  /** Counts origin moves: anything derived from centred vectors is valid for one version. */
  version = 0;

  /** A raw embedding (or mean) minus the origin, not normalised. */
  offset(raw: ArrayLike<number>): Float64Array {
    this.requireDimensions(raw.length);
    const origin = this.origin as Float64Array;
    const out = new Float64Array(raw.length);
    for (let i = 0; i < out.length; i++) out[i] = raw[i] - origin[i];
    return out;
  }

  /** The unit vector of a raw embedding seen from the origin. */
  centre(raw: ArrayLike<number>): Float32Array {
    this.requireDimensions(raw.length);
    return unitDifference(raw, 1, this.origin as Float64Array);
  }

  /** The unit direction of a theme's mean raw embedding (`sum / weight`) seen from the origin. */
  centreMean(sum: ArrayLike<number>, weight: number): Float32Array {
    this.requireDimensions(sum.length);
    return unitDifference(sum, weight > 0 ? weight : 1, this.origin as Float64Array);
  }

  toJSON(): EmbeddingFrameState {
    return {
      sum: this.sum ? [...this.sum] : [],
      count: this.count,
      origin: this.origin ? [...this.origin] : [],
      priorWeight: this.priorWeight,
    };
  }

  static fromJSON(state: EmbeddingFrameState): EmbeddingFrame {
    const frame = new EmbeddingFrame();
    if (state.sum.length > 0) {
      frame.sum = Float64Array.from(state.sum);
      frame.origin =
        state.origin.length === state.sum.length
          ? Float64Array.from(state.origin)
          : new Float64Array(state.sum.length);
    }
    frame.count = state.count;
    frame.priorWeight = state.priorWeight ?? 0;
    return frame;
  }

  private requireDimensions(length: number): void {
    if (!this.sum) {
      if (length === 0) throw new Error('An embedding needs at least one dimension');
      this.sum = new Float64Array(length);
      this.origin = new Float64Array(length);
      return;
    }
    if (length !== this.sum.length) {
      throw new Error(
        `Embedding has ${length} dimensions; this theme space uses ${this.sum.length}`,
      );
    }
  }
}
