/** Small deterministic PRNG (mulberry32) whose whole state is one number, for snapshots. */
export class SeededRandom {
  constructor(private state: number) {
    this.state = state >>> 0;
  }

  get seed(): number {
    return this.state;
  }

  /** Uniform number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, max). */
  nextInt(max: number): number {
    return Math.floor(this.next() * max);
  }
}

/** Fisher-Yates shuffle into a new array, reproducible for a given seed. */
export function shuffleWithSeed<T>(items: readonly T[], seed: number): T[] {
  const random = new SeededRandom(seed);
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}
