/** Plain-JSON form of {@link AdaptiveThreshold}. */
export interface AdaptiveThresholdSnapshot {
  readonly histogram: number[];
  readonly observations: number;
  readonly window: number;
  readonly warmUp: number;
  readonly deviations: number;
}

/**
 * Learns the similarity above which an item joins an existing theme, from the stream itself.
 *
 * It keeps a decaying histogram of each item's best similarity to any theme and puts the
 * threshold `deviations` standard deviations below the running mean: an item opens a new theme
 * only when its best match is unusually poor compared with how well items usually match. The
 * scale (sparse cosines of short texts are low, of long texts higher) comes from the data.
 */
export class AdaptiveThreshold {
  private histogram: number[];
  private observations = 0;
  private cached: number | undefined;

  constructor(
    private readonly bins = 100,
    /** Observations after which old ones weigh 1/e: the window of the running statistics. */
    private readonly window = 5000,
    /** Before this many observations the threshold is the running median. */
    private readonly warmUp = 30,
    /** How many standard deviations below the typical best match an item may fall and join. */
    private readonly deviations = 0.75,
  ) {
    this.histogram = new Array<number>(bins).fill(0);
  }

  get count(): number {
    return this.observations;
  }

  observe(similarity: number): void {
    const decay = 1 - 1 / this.window;
    for (let i = 0; i < this.bins; i++) this.histogram[i] *= decay;
    this.histogram[this.binOf(similarity)] += 1;
    this.observations++;
    this.cached = undefined;
  }

  /** Current cut; 0 before any observation. */
  value(): number {
    if (this.cached === undefined) this.cached = this.compute();
    return this.cached;
  }

  toJSON(): AdaptiveThresholdSnapshot {
    return {
      histogram: [...this.histogram],
      observations: this.observations,
      window: this.window,
      warmUp: this.warmUp,
      deviations: this.deviations,
    };
  }

  static fromJSON(snapshot: AdaptiveThresholdSnapshot): AdaptiveThreshold {
    const threshold = new AdaptiveThreshold(
      snapshot.histogram.length,
      snapshot.window,
      snapshot.warmUp,
      snapshot.deviations,
    );
    threshold.histogram = [...snapshot.histogram];
    threshold.observations = snapshot.observations;
    return threshold;
  }

  private binOf(similarity: number): number {
    const clamped = Math.min(1, Math.max(0, similarity));
    return Math.min(this.bins - 1, Math.floor(clamped * this.bins));
  }

  private compute(): number {
    const total = this.histogram.reduce((sum, count) => sum + count, 0);
    if (total === 0) return 0;
    const centre = (bin: number): number => (bin + 0.5) / this.bins;
    if (this.observations < this.warmUp) {
      let cumulative = 0;
      for (let i = 0; i < this.bins; i++) {
        cumulative += this.histogram[i];
        if (cumulative >= total / 2) return centre(i);
      }
    }
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < this.bins; i++) {
      sum += centre(i) * this.histogram[i];
      sumSquares += centre(i) ** 2 * this.histogram[i];
    }
    const mean = sum / total;
    const deviation = Math.sqrt(Math.max(0, sumSquares / total - mean * mean));
    return Math.max(0, mean - this.deviations * deviation);
  }
}
