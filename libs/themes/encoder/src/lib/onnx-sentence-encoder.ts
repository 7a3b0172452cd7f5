import type { Tokenizer } from '@huggingface/tokenizers';
import { Tensor, type InferenceSession } from 'onnxruntime-node';
import { l2Normalise } from './l2-normalise';
import { meanPool } from './mean-pool';
import type { SentenceEncoder } from './sentence-encoder';
import { frameTokenIds, type SpecialTokenFrame } from './special-token-frame';

/** What the model takes and gives, as found when it was loaded. */
export interface OnnxModelSignature {
  /** The model has a `token_type_ids` input (BERT-style models do); it is fed zeros. */
  readonly takesTokenTypeIds: boolean;
  /** The output holding the token embeddings, `[batch, tokens, dimensions]`. */
  readonly outputName: string;
}

/**
 * A `SentenceEncoder` on an onnxruntime session and a tokenizer. Texts are run one at a time, each
 * as a batch of one without padding, and calls to `encode` are served one after the other, so the
 * encoder uses the single thread its session was given.
 */
export class OnnxSentenceEncoder implements SentenceEncoder {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    readonly modelId: string,
    readonly dimensions: number,
    private readonly session: InferenceSession,
    private readonly tokenizer: Tokenizer,
    private readonly frame: SpecialTokenFrame,
    private readonly maxTokens: number,
    private readonly signature: OnnxModelSignature,
  ) {}

  encode(texts: readonly string[]): Promise<Float32Array[]> {
    if (this.closed) return Promise.reject(new Error(`sentence encoder ${this.modelId} is closed`));
    const blank = texts.findIndex((text) => typeof text !== 'string' || text.trim().length === 0);
    if (blank >= 0) {
      return Promise.reject(
        new Error(
          `sentence encoder: text at index ${blank} is empty or blank; filter such texts out before encoding`,
        ),
      );
    }
    const run = this.queue.then(() => this.encodeInOrder(texts));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    await this.session.release();
  }

  /** The vector of one text; also used once at load time to learn the model's dimensions. */
  async encodeOne(text: string): Promise<Float32Array> {
    const contentIds = this.tokenizer.encode(text, { add_special_tokens: false }).ids;
    const ids = frameTokenIds(contentIds, this.frame, this.maxTokens);
    const tokens = ids.length;
    const shape = [1, tokens];
    const attentionMask = new BigInt64Array(tokens).fill(1n);
    const feeds: Record<string, Tensor> = {
      input_ids: new Tensor(
        'int64',
        BigInt64Array.from(ids, (id) => BigInt(id)),
        shape,
      ),
      attention_mask: new Tensor('int64', attentionMask, shape),
    };
    if (this.signature.takesTokenTypeIds) {
      feeds['token_type_ids'] = new Tensor('int64', new BigInt64Array(tokens), shape);
    }
    const results = await this.session.run(feeds);
    const output = results[this.signature.outputName];
    if (!output || output.dims.length !== 3 || output.dims[0] !== 1 || output.dims[1] !== tokens) {
      throw new Error(
        `sentence encoder ${this.modelId}: output ${this.signature.outputName} has shape [${output?.dims.join(', ') ?? ''}], expected [1, ${tokens}, dimensions]`,
      );
    }
    if (output.type !== 'float32') {
      throw new Error(
        `sentence encoder ${this.modelId}: output ${this.signature.outputName} is ${output.type}, expected float32`,
      );
    }
    const dimensions = output.dims[2];
    return l2Normalise(meanPool(output.data as Float32Array, attentionMask, dimensions));
  }

  private async encodeInOrder(texts: readonly string[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (const text of texts) {
      if (this.closed) throw new Error(`sentence encoder ${this.modelId} is closed`);
      vectors.push(await this.encodeOne(text));
    }
    return vectors;
  }
}
