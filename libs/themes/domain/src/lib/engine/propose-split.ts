import { dot } from '../vectors/dense-vector';

/** Two groups of item ids with their unit centroids. */
export interface SplitProposal {
  readonly groups: [string[], string[]];
  readonly centroids: [Float32Array, Float32Array];
}

function unitMean(vectors: ReadonlyArray<ArrayLike<number>>): Float32Array {
  const dimensions = vectors[0]?.length ?? 0;
  const sum = new Float32Array(dimensions);
  for (const vector of vectors) for (let d = 0; d < dimensions; d++) sum[d] += vector[d];
  const length = Math.sqrt(dot(sum, sum));
  if (length > 0) for (let d = 0; d < dimensions; d++) sum[d] /= length;
  return sum;
}

/**
 * Spherical 2-means over a theme's samples (centred unit vectors), seeded by the two mutually
 * farthest samples (the least central one and the one least like it). Deterministic.
 */
export function proposeSplit(
  samples: ReadonlyArray<{ readonly id: string; readonly vector: ArrayLike<number> }>,
  iterations = 10,
): SplitProposal | undefined {
  if (samples.length < 2) return undefined;
  const centre = unitMean(samples.map((sample) => sample.vector));
  const leastCentral = samples.reduce((worst, sample) =>
    dot(sample.vector, centre) < dot(worst.vector, centre) ? sample : worst,
  );
  const opposite = samples.reduce((far, sample) =>
    dot(sample.vector, leastCentral.vector) < dot(far.vector, leastCentral.vector) ? sample : far,
  );
  if (opposite === leastCentral) return undefined;
  let centres: [Float32Array, Float32Array] = [
    Float32Array.from(leastCentral.vector),
    Float32Array.from(opposite.vector),
  ];
  let assignment: number[] = [];
  for (let round = 0; round < iterations; round++) {
    const next = samples.map((sample) =>
      dot(sample.vector, centres[0]) >= dot(sample.vector, centres[1]) ? 0 : 1,
    );
    const unchanged = next.every((group, index) => group === assignment[index]);
    assignment = next;
    const members: [ArrayLike<number>[], ArrayLike<number>[]] = [[], []];
    samples.forEach((sample, index) => members[assignment[index]].push(sample.vector));
    if (members[0].length === 0 || members[1].length === 0) return undefined;
    centres = [unitMean(members[0]), unitMean(members[1])];
    if (unchanged) break;
  }
  const groups: [string[], string[]] = [[], []];
  samples.forEach((sample, index) => groups[assignment[index]].push(sample.id));
  return { groups, centroids: centres };
}
