import { performance } from 'node:perf_hooks';
import { kmeans } from 'ml-kmeans';
import {
  LabelledText,
  SeededRandom,
  TermStatistics,
  TextVectoriser,
  adjustedRandIndex,
  matchedAccuracy,
  normalizedMutualInformation,
  shuffleWithSeed,
} from '@closedloop/themes-domain';

/** Scores of the batch baseline. */
export interface BaselineScores {
  readonly nmi: number;
  readonly ari: number;
  readonly accuracy: number;
  readonly themes: number;
  readonly coverage: number;
  readonly itemsPerSecond: number;
}

/**
 * Batch TF-IDF (same tokens and n-grams as the engine, IDF over the whole set) + k-means
 * (ml-kmeans, k-means++ init) told the true number of labels. Vectors are unit length, so
 * Euclidean k-means approximates spherical k-means.
 */
export function runTfidfKmeansBaseline(
  rows: readonly LabelledText[],
  seed: number,
): BaselineScores {
  const ordered = shuffleWithSeed(rows, seed);
  const started = performance.now();
  const statistics = new TermStatistics(1_000_000);
  const learner = new TextVectoriser(statistics);
  for (const row of ordered) learner.vectorise(row.text, true);
  const vectors = ordered.map((row) => learner.vectorise(row.text, false).vector);
  const vocabulary = new Map<string, number>();
  for (const vector of vectors) {
    for (const term of vector.keys()) {
      if (!vocabulary.has(term)) vocabulary.set(term, vocabulary.size);
    }
  }
  const matrix = vectors.map((vector) => {
    const dense = new Array<number>(vocabulary.size).fill(0);
    for (const [term, weight] of vector) {
      const column = vocabulary.get(term);
      if (column !== undefined) dense[column] = weight;
    }
    return dense;
  });
  const k = new Set(ordered.map((row) => row.label)).size;
  const random = new SeededRandom(seed);
  const result = kmeans(matrix, k, {
    initialization: 'kmeans++',
    seed: Math.floor(random.next() * 1e9),
    maxIterations: 100,
  });
  const seconds = (performance.now() - started) / 1000;
  const clusters = result.clusters.map((cluster) => String(cluster));
  const labels = ordered.map((row) => row.label);
  return {
    nmi: normalizedMutualInformation(clusters, labels),
    ari: adjustedRandIndex(clusters, labels),
    accuracy: matchedAccuracy(clusters, labels),
    themes: new Set(clusters).size,
    coverage: 1,
    itemsPerSecond: ordered.length / seconds,
  };
}
