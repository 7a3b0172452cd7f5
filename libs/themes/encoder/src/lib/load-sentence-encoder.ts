import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { InferenceSession } from 'onnxruntime-node';
import { encoderFilesIn } from './encoder-files';
import { OnnxSentenceEncoder } from './onnx-sentence-encoder';
import type { SentenceEncoder } from './sentence-encoder';
import { specialTokenFrameOf } from './special-token-frame';

/** Tokens per text (special tokens included) unless told otherwise; longer texts are truncated. */
export const DEFAULT_MAX_TOKENS = 256;
/** Positions a BERT-style encoder such as bge-small-en-v1.5 has: the most `maxTokens` may be. */
export const MODEL_MAX_TOKENS = 512;

export interface SentenceEncoderOptions {
  /** Holds model.onnx and tokenizer.json (see `encoderDirectoryFromEnv`). */
  readonly directory: string;
  /** Tokens per text, special tokens included (default 256, at most 512). */
  readonly maxTokens?: number;
  /** Names the model in `SentenceEncoder.modelId` (default: the directory's name). */
  readonly modelId?: string;
}

/** Any text the tokenizer splits into ordinary tokens, to find which special tokens frame a text. */
const FRAME_SAMPLE = 'closed loop';

/**
 * Loads the encoder in `directory`: checks that its files are there (naming each one missing and
 * how to fetch it), reads the tokenizer, opens an onnxruntime session on one thread
 * (intra-op 1, inter-op 1, sequential execution) and encodes one sample text to learn the
 * vectors' length and warm the session up.
 */
export async function loadSentenceEncoder(
  options: SentenceEncoderOptions,
): Promise<SentenceEncoder> {
  const maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
  if (!Number.isInteger(maxTokens) || maxTokens < 3 || maxTokens > MODEL_MAX_TOKENS) {
    throw new Error(
      `sentence encoder: maxTokens must be an integer from 3 to ${MODEL_MAX_TOKENS}, got ${maxTokens}`,
    );
  }
  const directory = resolve(options.directory);
  const { modelFile, tokenizerFile } = encoderFilesIn(directory);

  const tokenizer = await loadTokenizer(tokenizerFile);
  const frame = specialTokenFrameOf(
    tokenizer.encode(FRAME_SAMPLE).ids,
    tokenizer.encode(FRAME_SAMPLE, { add_special_tokens: false }).ids,
  );

  let session: InferenceSession;
  try {
    session = await InferenceSession.create(modelFile, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
  } catch (error) {
    throw new Error(
      `sentence encoder: onnxruntime could not load ${modelFile}: ${messageOf(error)}`,
    );
  }

  try {
    for (const input of ['input_ids', 'attention_mask']) {
      if (!session.inputNames.includes(input)) {
        throw new Error(
          `sentence encoder: ${modelFile} has no ${input} input (its inputs: ${session.inputNames.join(', ')})`,
        );
      }
    }
    const signature = {
      takesTokenTypeIds: session.inputNames.includes('token_type_ids'),
      outputName: session.outputNames.includes('last_hidden_state')
        ? 'last_hidden_state'
        : session.outputNames[0],
    };
    const modelId = options.modelId ?? basename(directory);
    const probe = new OnnxSentenceEncoder(
      modelId,
      0,
      session,
      tokenizer,
      frame,
      maxTokens,
      signature,
    );
    const dimensions = (await probe.encodeOne(FRAME_SAMPLE)).length;
    return new OnnxSentenceEncoder(
      modelId,
      dimensions,
      session,
      tokenizer,
      frame,
      maxTokens,
      signature,
    );
  } catch (error) {
    await session.release();
    throw error;
  }
}

async function loadTokenizer(tokenizerFile: string): Promise<Tokenizer> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(tokenizerFile, 'utf8'));
  } catch (error) {
    throw new Error(`sentence encoder: cannot read ${tokenizerFile}: ${messageOf(error)}`);
  }
  if (typeof json !== 'object' || json === null) {
    throw new Error(`sentence encoder: ${tokenizerFile} does not hold a tokenizer`);
  }
  return new Tokenizer(json, {});
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
