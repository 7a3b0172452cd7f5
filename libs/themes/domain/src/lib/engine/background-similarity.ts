/** Plain-JSON form of {@link BackgroundSimilarity}. */
export interface BackgroundSimilarityState {
  /** Decayed counts of observed cosines in equal bins over [-1, 1]. */
  readonly histogram: number[];
}

const BINS = 400;
/** The threshold before the background is known: only texts embedded (nearly) alike join. */
export const NEAR_IDENTICAL = 0.99;
/** MAD of a normal distribution times this is its standard deviation. */
const MAD_TO_DEVIATION = 1.4826;

/**
 * The similarity an item has with themes it does not belong to, learnt from the stream, and the
 * join threshold derived from it: an item joins its closest theme only when that similarity
 * stands so far above the background that chance is ruled out (see {@link threshold}). Centre
 * and spread are the median and the median absolute deviation of a decayed histogram, so
 * near-duplicate themes among the "others" (common while themes are young) do not drag the
 * estimate. The scale of similarities (model, domain, text length) comes from the data.
 */
export class BackgroundSimilarity {
  private histogram = new Float64Array(BINS);
  private cached: { floor: number; deviations: number; value: number } | undefined;

  constructor(
    /** Observations after which old ones weigh 1/e. */
    private readonly window = 2000,
    /** Below this many observations only (near-)identical texts join. */
    private readonly minimumObservations = 8,
  ) {}

  get observations(): number {
    let total = 0;
    for (const count of this.histogram) total += count;
    return total;
  }

  observe(similarity: number): void {
    const decay = 1 - 1 / this.window;
    for (let i = 0; i < BINS; i++) this.histogram[i] *= decay;
    this.histogram[binOf(similarity)] += 1;
    this.cached = undefined;
  }

  /** Starts afresh from these observations (after the frame moved, old ones are not comparable). */
  reset(similarities: readonly number[]): void {
    this.histogram = new Float64Array(BINS);
    for (const similarity of similarities) this.histogram[binOf(similarity)] += 1;
    this.cached = undefined;
  }

  /**
   * The similarity an item needs to join a theme: the background's centre plus `deviations` times
   * its spread. `spreadFloor` bounds the spread from below: a handful of early observations can
   * look far tighter than the background really is; for embeddings of `d` dimensions, 1/sqrt(d)
   * (the spread of cosines between independent random directions) is the natural floor.
   */
  threshold(deviations: number, spreadFloor = 0): number {
    if (this.cached?.floor !== spreadFloor || this.cached.deviations !== deviations) {
      this.cached = {
        floor: spreadFloor,
        deviations,
        value: this.compute(deviations, spreadFloor),
      };
    }
    return this.cached.value;
  }

  toJSON(): BackgroundSimilarityState {
    return { histogram: [...this.histogram] };
  }

  static fromJSON(state: BackgroundSimilarityState, window?: number): BackgroundSimilarity {
    const background = new BackgroundSimilarity(window);
    if (state.histogram.length === BINS) background.histogram = Float64Array.from(state.histogram);
    return background;
  }

  private compute(deviations: number, spreadFloor: number): number {
    const total = this.observations;
    if (total < this.minimumObservations) return NEAR_IDENTICAL;
    const median = quantile(this.histogram, total, 0.5);
    // Absolute deviations from the median, in [0, 2], filed in the same bins shifted by -1.
    const absoluteDeviations = new Float64Array(BINS);
    for (let i = 0; i < BINS; i++) {
      if (this.histogram[i] > 0)
        absoluteDeviations[binOf(Math.abs(centreOf(i) - median) - 1)] += this.histogram[i];
    }
    const mad = quantile(absoluteDeviations, total, 0.5) + 1;
    const spread = Math.max(spreadFloor, MAD_TO_DEVIATION * mad);
    // Centred on the stream's mean, unrelated texts score about 0; a negative centre only means
    // the mean was taken over few items (n items about their own mean correlate at -1/(n-1)).
    return Math.min(1, Math.max(0, median) + deviations * spread);
  }
}

function binOf(similarity: number): number {
  const clamped = Math.min(1, Math.max(-1, similarity));
  return Math.min(BINS - 1, Math.floor(((clamped + 1) / 2) * BINS));
}

function centreOf(bin: number): number {
  return ((bin + 0.5) / BINS) * 2 - 1;
}

/** The value below which `share` of the histogram's weight lies (bin centre). */
function quantile(histogram: Float64Array, total: number, share: number): number {
  let cumulative = 0;
  for (let i = 0; i < histogram.length; i++) {
    cumulative += histogram[i];
    if (cumulative >= total * share) return centreOf(i);
  }
  return centreOf(histogram.length - 1);
}
