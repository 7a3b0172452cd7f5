/** A sparse term-weight vector. Keys are term keys (stems or n-grams). */
export type SparseVector = Map<string, number>;

/** Euclidean norm. */
export function vectorNorm(vector: SparseVector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}

/** Returns a unit-length copy (an empty vector stays empty). */
export function normaliseVector(vector: SparseVector): SparseVector {
  const norm = vectorNorm(vector);
  const result: SparseVector = new Map();
  if (norm === 0) return result;
  for (const [term, weight] of vector) result.set(term, weight / norm);
  return result;
}

/** Dot product, iterating over the smaller vector. */
export function dotProduct(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) {
    const other = large.get(term);
    if (other !== undefined) sum += weight * other;
  }
  return sum;
}

/** Cosine similarity of two vectors (0 when either is empty). */
export function cosineSimilarity(a: SparseVector, b: SparseVector): number {
  const denominator = vectorNorm(a) * vectorNorm(b);
  return denominator === 0 ? 0 : dotProduct(a, b) / denominator;
}

/** Keeps the `limit` heaviest terms (by absolute weight). */
export function topTerms(vector: SparseVector, limit: number): SparseVector {
  if (vector.size <= limit) return new Map(vector);
  const sorted = [...vector].sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
  return new Map(sorted.slice(0, limit));
}

/** Terms present in both vectors, heaviest first by the product of their weights. */
export function sharedTerms(a: SparseVector, b: SparseVector, limit: number): string[] {
  const shared: Array<[string, number]> = [];
  for (const [term, weight] of a) {
    const other = b.get(term);
    if (other !== undefined && other > 0) shared.push([term, weight * other]);
  }
  return shared
    .sort((x, y) => y[1] - x[1])
    .slice(0, limit)
    .map(([term]) => term);
}
