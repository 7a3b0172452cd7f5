/** Dot product of two vectors of the same length. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** Euclidean length. */
export function norm(vector: ArrayLike<number>): number {
  return Math.sqrt(dot(vector, vector));
}

/** `target += scale * vector`, in place. */
export function addScaled(target: Float64Array, vector: ArrayLike<number>, scale: number): void {
  for (let i = 0; i < target.length; i++) target[i] += scale * vector[i];
}

/**
 * Unit vector in the direction of `(vector / divisor) - origin`; the zero vector when that
 * difference vanishes. The building block of centring: `origin` is the embedding frame's mean.
 */
export function unitDifference(
  vector: ArrayLike<number>,
  divisor: number,
  origin: ArrayLike<number>,
): Float32Array {
  const out = new Float32Array(vector.length);
  let squares = 0;
  for (let i = 0; i < vector.length; i++) {
    const value = vector[i] / divisor - origin[i];
    out[i] = value;
    squares += value * value;
  }
  if (squares <= 1e-24) return out.fill(0);
  const scale = 1 / Math.sqrt(squares);
  for (let i = 0; i < out.length; i++) out[i] *= scale;
  return out;
}
