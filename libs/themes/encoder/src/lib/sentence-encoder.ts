/**
 * Turns texts into dense sentence embeddings.
 *
 * Vectors are the attention-masked mean of the model's token embeddings, L2-normalised (unit
 * length) and not centred, so the dot product of two vectors is their cosine similarity.
 */
export interface SentenceEncoder {
  /** Names the model, so stored vectors can be told apart from another model's. */
  readonly modelId: string;
  /** Length of every vector `encode` returns (384 for bge-small-en-v1.5). */
  readonly dimensions: number;
  /**
   * One vector per text, in order. Rejects when a text is empty or blank (callers filter those
   * out) or after `close`. Texts longer than the encoder's token limit are truncated.
   */
  encode(texts: readonly string[]): Promise<Float32Array[]>;
  /** Releases the model; later calls to `encode` reject. */
  close(): Promise<void>;
}
