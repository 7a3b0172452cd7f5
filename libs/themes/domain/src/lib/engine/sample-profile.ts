/** A theme's sampled members seen from the current origin. */
export interface SampleProfile {
  /** Sum of the samples' centred unit vectors. */
  readonly sum: Float64Array;
  readonly count: number;
  /** Mean cosine between two different samples (undefined with fewer than two). */
  readonly cohesion: number | undefined;
}

/** The profile of centred sample vectors of `dimensions` each. */
export function sampleProfile(
  vectors: ReadonlyArray<ArrayLike<number>>,
  dimensions: number,
): SampleProfile {
  const sum = new Float64Array(dimensions);
  for (const vector of vectors) for (let d = 0; d < dimensions; d++) sum[d] += vector[d];
  let squares = 0;
  for (let d = 0; d < dimensions; d++) squares += sum[d] * sum[d];
  const count = vectors.length;
  const cohesion = count < 2 ? undefined : (squares - count) / (count * (count - 1));
  return { sum, count, cohesion };
}

/**
 * The profile after adding (`sign` 1) or removing (`sign` -1) one centred sample: O(dimensions)
 * instead of summing every sample again.
 */
export function updateProfile(
  profile: SampleProfile,
  centred: ArrayLike<number>,
  sign: 1 | -1,
): SampleProfile {
  const sum = Float64Array.from(profile.sum);
  let squares = 0;
  for (let d = 0; d < sum.length; d++) {
    sum[d] += sign * centred[d];
    squares += sum[d] * sum[d];
  }
  const count = profile.count + sign;
  const cohesion = count < 2 ? undefined : (squares - count) / (count * (count - 1));
  return { sum, count, cohesion };
}
