import { SparseVector, dotProduct, normaliseVector } from '../representation/sparse-vector';

/** Two groups of item ids with their summed vectors. */
export interface SplitProposal {
  readonly groups: [string[], string[]];
  readonly centroids: [SparseVector, SparseVector];
}

function sumVectors(vectors: readonly SparseVector[]): SparseVector {
  const sum: SparseVector = new Map();
  for (const vector of vectors) {
    for (const [term, weight] of vector) sum.set(term, (sum.get(term) ?? 0) + weight);
  }
  return sum;
}

/**
 * Spherical 2-means over a theme's samples, seeded by the two mutually farthest samples
 * (the least central one and the one least like it). Deterministic.
 */
export function proposeSplit(
  samples: ReadonlyArray<{ readonly id: string; readonly vector: SparseVector }>,
  iterations = 10,
): SplitProposal | undefined {
  if (samples.length < 2) return undefined;
  const centre = normaliseVector(sumVectors(samples.map((sample) => sample.vector)));
  const leastCentral = samples.reduce((worst, sample) =>
    dotProduct(sample.vector, centre) < dotProduct(worst.vector, centre) ? sample : worst,
  );
  const opposite = samples.reduce((far, sample) =>
    dotProduct(sample.vector, leastCentral.vector) < dotProduct(far.vector, leastCentral.vector)
      ? sample
      : far,
  );
  if (opposite === leastCentral) return undefined;
  let centres: [SparseVector, SparseVector] = [leastCentral.vector, opposite.vector];
  let assignment: number[] = [];
  for (let round = 0; round < iterations; round++) {
    const next = samples.map((sample) =>
      dotProduct(sample.vector, centres[0]) >= dotProduct(sample.vector, centres[1]) ? 0 : 1,
    );
    const unchanged = next.every((group, index) => group === assignment[index]);
    assignment = next;
    const members: [SparseVector[], SparseVector[]] = [[], []];
    samples.forEach((sample, index) => members[assignment[index]].push(sample.vector));
    if (members[0].length === 0 || members[1].length === 0) return undefined;
    centres = [normaliseVector(sumVectors(members[0])), normaliseVector(sumVectors(members[1]))];
    if (unchanged) break;
  }
  const groups: [string[], string[]] = [[], []];
  samples.forEach((sample, index) => groups[assignment[index]].push(sample.id));
  return { groups, centroids: centres };
}
