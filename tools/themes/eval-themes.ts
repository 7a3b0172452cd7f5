/**
 * Streams a labelled CSV through the theme engine, as the pipeline runs it, and prints quality and
 * speed as one JSON line per seed (and, for several seeds, one more line with their means):
 *   npm run themes:eval -- --input FILE.csv --text-column text --label-column category --seed N --json [--baseline]
 * Texts are embedded once with the product's sentence encoder (THEME_ENCODER_DIR); each seed then
 * shuffles them and feeds them one at a time through the engine.
 */
import { performance } from 'node:perf_hooks';
import { evaluateThemeStream, type ThemeEngine } from '@closedloop/themes-domain';
import {
  encoderDirectoryFromEnv,
  loadSentenceEncoder,
  referenceOrigin,
} from '@closedloop/themes-encoder';
import { parseEvalArgs } from './parse-eval-args';
import { readLabelledCsv } from './read-labelled-csv';
import { runTfidfKmeansBaseline } from './tfidf-kmeans-baseline';

const round = (value: number, digits = 4): number => Number(value.toFixed(digits));
const SCORES = ['nmi', 'ari', 'accuracy', 'themes', 'coverage', 'itemsPerSecond'] as const;

async function main(): Promise<void> {
  const args = parseEvalArgs(process.argv.slice(2));
  const rows = readLabelledCsv(args.input, args.textColumn, args.labelColumn);
  const encoder = await loadSentenceEncoder({ directory: encoderDirectoryFromEnv(process.env) });
  const encodingStarted = performance.now();
  const vectors = await encoder.encode(rows.map((row) => row.text));
  const encodeSeconds = (performance.now() - encodingStarted) / 1000;
  const priorOrigin = await referenceOrigin(encoder);
  await encoder.close();
  const items = rows.map((row, i) => ({ ...row, vector: vectors[i] }));
  const results: Array<Record<string, unknown>> = [];
  let lastEngine: ThemeEngine | undefined;
  for (const seed of args.seeds) {
    const { engine, ...scores } = evaluateThemeStream(items, {
      seed,
      engineOptions: { priorOrigin },
      ...(args.consolidateEvery === undefined ? {} : { consolidateEvery: args.consolidateEvery }),
    });
    lastEngine = engine;
    const result: Record<string, unknown> = {
      input: args.input,
      seed,
      items: scores.items,
      labels: new Set(rows.map((row) => row.label)).size,
      nmi: round(scores.nmi),
      ari: round(scores.ari),
      accuracy: round(scores.accuracy),
      themes: scores.themes,
      coverage: round(scores.coverage),
      itemsPerSecond: Math.round(scores.itemsPerSecond),
      encoderItemsPerSecond: Math.round(rows.length / encodeSeconds),
      encoder: encoder.modelId,
      joinThreshold: round(engine.joinThreshold),
    };
    if (args.baseline) {
      const baseline = runTfidfKmeansBaseline(rows, seed);
      result['baseline'] = {
        method: 'tfidf+spherical k-means (k = number of labels)',
        nmi: round(baseline.nmi),
        ari: round(baseline.ari),
        accuracy: round(baseline.accuracy),
        themes: baseline.themes,
        coverage: baseline.coverage,
        itemsPerSecond: Math.round(baseline.itemsPerSecond),
      };
    }
    results.push(result);
    print(result, args.json);
  }
  if (results.length > 1) {
    const mean = Object.fromEntries(
      SCORES.map((key) => [
        key,
        round(results.reduce((sum, r) => sum + Number(r[key]), 0) / results.length),
      ]),
    );
    print({ input: args.input, seeds: args.seeds, mean }, args.json);
  }
  if (!args.json && lastEngine) {
    process.stdout.write('\nlargest themes (last seed):\n');
    for (const theme of lastEngine.themes().slice(0, 15)) {
      const quote = lastEngine.quotes(theme.id, 1)[0]?.text ?? '';
      process.stdout.write(`  ${theme.id} (${theme.size}) "${theme.label}"  e.g. ${quote}\n`);
    }
  }
}

function print(result: Record<string, unknown>, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  for (const [key, value] of Object.entries(result)) {
    process.stdout.write(
      `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}\n`,
    );
  }
  process.stdout.write('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
