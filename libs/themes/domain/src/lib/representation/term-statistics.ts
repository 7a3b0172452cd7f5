/** Plain-JSON form of {@link TermStatistics}. */
export interface TermStatisticsSnapshot {
  readonly documents: number;
  readonly pruneFloor: number;
  readonly documentFrequencies: Array<[string, number]>;
}

/**
 * Running document frequencies with a bounded vocabulary: when more than `maxTerms` terms are
 * tracked, the rarest are forgotten (lossy counting), so memory never grows with the stream.
 */
export class TermStatistics {
  private documentCount = 0;
  private pruneFloor = 0;
  private readonly frequencies = new Map<string, number>();

  constructor(private readonly maxTerms: number) {}

  get documents(): number {
    return this.documentCount;
  }

  get vocabularySize(): number {
    return this.frequencies.size;
  }

  /** Counts one document holding the given (deduplicated here) terms. */
  observe(terms: Iterable<string>): void {
    this.documentCount++;
    for (const term of new Set(terms)) {
      this.frequencies.set(term, (this.frequencies.get(term) ?? this.pruneFloor) + 1);
    }
    if (this.frequencies.size > this.maxTerms) this.prune();
  }

  documentFrequency(term: string): number {
    return this.frequencies.get(term) ?? 0;
  }

  /** Smoothed inverse document frequency: ln(1 + N / df); unseen terms count as df = 1. */
  idf(term: string): number {
    const df = Math.max(1, this.documentFrequency(term));
    return Math.log(1 + Math.max(1, this.documentCount) / df);
  }

  toJSON(): TermStatisticsSnapshot {
    return {
      documents: this.documentCount,
      pruneFloor: this.pruneFloor,
      documentFrequencies: [...this.frequencies],
    };
  }

  static fromJSON(snapshot: TermStatisticsSnapshot, maxTerms: number): TermStatistics {
    const statistics = new TermStatistics(maxTerms);
    statistics.documentCount = snapshot.documents;
    statistics.pruneFloor = snapshot.pruneFloor;
    for (const [term, df] of snapshot.documentFrequencies) statistics.frequencies.set(term, df);
    return statistics;
  }

  private prune(): void {
    const target = Math.floor(this.maxTerms * 0.8);
    const counts = [...this.frequencies.values()].sort((a, b) => b - a);
    const floor = counts[target] ?? 0;
    for (const [term, df] of this.frequencies) if (df <= floor) this.frequencies.delete(term);
    this.pruneFloor = Math.max(this.pruneFloor, floor);
  }
}
