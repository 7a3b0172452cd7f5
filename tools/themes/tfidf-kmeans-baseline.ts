import { performance } from 'node:perf_hooks';
import {
  SeededRandom,
  adjustedRandIndex,
  extractTerms,
  matchedAccuracy,
  normalizedMutualInformation,
  shuffleWithSeed,
  tokeniseText,
} from '@closedloop/themes-domain';
import type { LabelledText } from './read-labelled-csv';

/** Scores of the batch baseline. */
export interface BaselineScores {
  readonly nmi: number;
  readonly ari: number;
  readonly accuracy: number;
  readonly themes: number;
  readonly coverage: number;
  readonly itemsPerSecond: number;
}

type SparseRow = ReadonlyArray<readonly [number, number]>;

/** Unit-length TF-IDF rows (sub-linear TF, smoothed IDF over the whole set) of terms and bigrams. */
function tfidfRows(texts: readonly string[]): { rows: SparseRow[]; columns: number } {
  const termsOf = texts.map((text) => extractTerms(tokeniseText(text)));
  const columns = new Map<string, number>();
  const documentFrequency: number[] = [];
  for (const terms of termsOf) {
    for (const term of new Set(terms)) {
      let column = columns.get(term);
      if (column === undefined) {
        column = columns.size;
        columns.set(term, column);
        documentFrequency.push(0);
      }
      documentFrequency[column]++;
    }
  }
  const rows = termsOf.map((terms) => {
    const counts = new Map<number, number>();
    for (const term of terms) {
      const column = columns.get(term) as number;
      counts.set(column, (counts.get(column) ?? 0) + 1);
    }
    const weighted = [...counts].map(
      ([column, count]) =>
        [
          column,
          (1 + Math.log(count)) * Math.log(1 + texts.length / documentFrequency[column]),
        ] as const,
    );
    const length = Math.sqrt(weighted.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
    return weighted.map(([column, w]) => [column, w / length] as const);
  });
  return { rows, columns: columns.size };
}

const dotSparse = (row: SparseRow, centre: Float64Array): number =>
  row.reduce((sum, [column, weight]) => sum + weight * centre[column], 0);

/**
 * Spherical k-means (k-means++ seeding, Lloyd iterations on cosine) over sparse rows. Written
 * here because dense k-means libraries need a documents x vocabulary matrix, which turns a
 * few-second baseline into minutes.
 */
function sphericalKmeans(
  rows: readonly SparseRow[],
  columns: number,
  k: number,
  random: SeededRandom,
): number[] {
  const centreOf = (members: readonly SparseRow[]): Float64Array => {
    const centre = new Float64Array(columns);
    for (const row of members) for (const [column, weight] of row) centre[column] += weight;
    const length = Math.sqrt(centre.reduce((sum, w) => sum + w * w, 0)) || 1;
    return centre.map((w) => w / length);
  };
  const centres = [centreOf([rows[random.nextInt(rows.length)]])];
  const distance = rows.map(() => Infinity);
  while (centres.length < k) {
    const latest = centres[centres.length - 1];
    let total = 0;
    rows.forEach((row, i) => {
      distance[i] = Math.min(distance[i], 1 - dotSparse(row, latest));
      total += distance[i];
    });
    let pick = random.next() * total;
    let chosen = 0;
    for (; chosen < rows.length - 1; chosen++) {
      pick -= distance[chosen];
      if (pick <= 0) break;
    }
    centres.push(centreOf([rows[chosen]]));
  }
  let assignment = rows.map(() => -1);
  for (let iteration = 0; iteration < 100; iteration++) {
    const next = rows.map((row) => {
      let best = 0;
      let bestSimilarity = -Infinity;
      centres.forEach((centre, c) => {
        const similarity = dotSparse(row, centre);
        if (similarity > bestSimilarity) {
          bestSimilarity = similarity;
          best = c;
        }
      });
      return best;
    });
    const changed = next.some((cluster, i) => cluster !== assignment[i]);
    assignment = next;
    if (!changed) break;
    for (let c = 0; c < k; c++) {
      const members = rows.filter((_, i) => assignment[i] === c);
      if (members.length > 0) centres[c] = centreOf(members);
    }
  }
  return assignment;
}

/**
 * Batch TF-IDF (the engine's tokens: stems and bigrams, IDF over the whole set) + spherical
 * k-means told the true number of labels: the classic offline baseline, which sees all the data
 * at once.
 */
export function runTfidfKmeansBaseline(
  rows: readonly LabelledText[],
  seed: number,
): BaselineScores {
  const ordered = shuffleWithSeed(rows, seed);
  const started = performance.now();
  const { rows: vectors, columns } = tfidfRows(ordered.map((row) => row.text));
  const k = new Set(ordered.map((row) => row.label)).size;
  const assignment = sphericalKmeans(vectors, columns, k, new SeededRandom(seed));
  const seconds = (performance.now() - started) / 1000;
  const clusters = assignment.map(String);
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
