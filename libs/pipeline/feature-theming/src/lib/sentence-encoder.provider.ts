import { loadSentenceEncoder, type SentenceEncoder } from '@closedloop/themes-encoder';
import type { Provider } from '@nestjs/common';

/** Injection token of the theming stage's {@link SentenceEncoder}. */
export const SENTENCE_ENCODER = Symbol('SENTENCE_ENCODER');

/**
 * The sentence encoder in `directory`; the process refuses to start, naming the missing file and
 * `npm run models:fetch`, when it is not there.
 */
export function sentenceEncoderProvider(directory: string): Provider<Promise<SentenceEncoder>> {
  return { provide: SENTENCE_ENCODER, useFactory: () => loadSentenceEncoder({ directory }) };
}
