/**
 * Rewrites the theme engine's unit-test embeddings from the fixture texts, with the product's
 * sentence encoder (run after changing the texts or the model):
 *   npm run themes:fixture
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encoderDirectoryFromEnv, loadSentenceEncoder } from '@closedloop/themes-encoder';
import { quantise, quantisedToBytes } from '@closedloop/themes-domain';
import {
  LOTTERY,
  OTHER_TOPICS,
  PROBES,
  TOPICS,
} from '../../libs/themes/domain/src/lib/engine/fixtures/banking-topics';

const OUTPUT = join(
  __dirname,
  '../../libs/themes/domain/src/lib/engine/fixtures/topic-embeddings.json',
);

async function main(): Promise<void> {
  const encoder = await loadSentenceEncoder({ directory: encoderDirectoryFromEnv(process.env) });
  const texts = [
    ...Object.values(TOPICS).flat(),
    ...Object.values(OTHER_TOPICS).flat(),
    ...LOTTERY,
    ...Object.values(PROBES),
  ];
  const vectors = await encoder.encode(texts);
  const fixture = {
    model: `${encoder.modelId} (mean pooling, L2-normalised; int8 with a float32 scale, base64)`,
    vectors: Object.fromEntries(
      texts.map((text, i) => [
        text,
        Buffer.from(quantisedToBytes(quantise(vectors[i]))).toString('base64'),
      ]),
    ),
  };
  writeFileSync(OUTPUT, `${JSON.stringify(fixture, null, 1)}\n`);
  await encoder.close();
  process.stdout.write(`${texts.length} embeddings written to ${OUTPUT}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
