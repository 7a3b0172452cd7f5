/** A copy of `vector` scaled to unit Euclidean length. Throws on a zero or non-finite vector. */
export function l2Normalise(vector: ArrayLike<number>): Float32Array {
  let squares = 0;
  for (let i = 0; i < vector.length; i++) squares += vector[i] * vector[i];
  const norm = Math.sqrt(squares);
  if (!(norm > 0) || !Number.isFinite(norm)) {
    throw new Error(`l2Normalise: cannot normalise a vector of length ${norm}`);
  }
  const unit = new Float32Array(vector.length);
  for (let i = 0; i < vector.length; i++) unit[i] = vector[i] / norm;
  return unit;
}
