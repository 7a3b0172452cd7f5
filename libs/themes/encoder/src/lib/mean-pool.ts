/**
 * Attention-masked mean of one sequence's token embeddings.
 *
 * @param tokenEmbeddings the model's last hidden state for one sequence, row-major
 *   `[tokens, dimensions]` (a `[1, tokens, dimensions]` tensor's data is the same thing)
 * @param attentionMask one entry per token; tokens whose entry is 0 are left out
 */
export function meanPool(
  tokenEmbeddings: ArrayLike<number>,
  attentionMask: ArrayLike<number | bigint>,
  dimensions: number,
): Float32Array {
  const tokens = attentionMask.length;
  if (!Number.isInteger(dimensions) || dimensions <= 0) {
    throw new Error(`meanPool: dimensions must be a positive integer, got ${dimensions}`);
  }
  if (tokenEmbeddings.length !== tokens * dimensions) {
    throw new Error(
      `meanPool: expected ${tokens} tokens x ${dimensions} dimensions = ${tokens * dimensions} values, got ${tokenEmbeddings.length}`,
    );
  }
  const sum = new Float64Array(dimensions);
  let counted = 0;
  for (let token = 0; token < tokens; token++) {
    if (Number(attentionMask[token]) === 0) continue;
    counted++;
    const offset = token * dimensions;
    for (let d = 0; d < dimensions; d++) sum[d] += tokenEmbeddings[offset + d];
  }
  if (counted === 0) throw new Error('meanPool: the attention mask selects no token');
  const mean = new Float32Array(dimensions);
  for (let d = 0; d < dimensions; d++) mean[d] = sum[d] / counted;
  return mean;
}
