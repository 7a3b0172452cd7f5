/**
 * Streams a labelled CSV through the theme engine and prints quality and speed.
 *   npm run themes:eval -- --input FILE.csv --text-column text --label-column category --seed N --json [--baseline]
 */
import { evaluateThemeStream } from '@closedloop/themes-domain';
import { parseEvalArgs } from './parse-eval-args';
import { readLabelledCsv } from './read-labelled-csv';
import { runTfidfKmeansBaseline } from './tfidf-kmeans-baseline';

const round = (value: number, digits = 4): number => Number(value.toFixed(digits));

function main(): void {
  const args = parseEvalArgs(process.argv.slice(2));
  const rows = readLabelledCsv(args.input, args.textColumn, args.labelColumn);
  const { engine, ...scores } = evaluateThemeStream(rows, {
    seed: args.seed,
    ...(args.consolidateEvery === undefined ? {} : { consolidateEvery: args.consolidateEvery }),
  });
  const result: Record<string, unknown> = {
    input: args.input,
    seed: args.seed,
    items: scores.items,
    labels: new Set(rows.map((row) => row.label)).size,
    nmi: round(scores.nmi),
    ari: round(scores.ari),
    accuracy: round(scores.accuracy),
    themes: scores.themes,
    coverage: round(scores.coverage),
    itemsPerSecond: Math.round(scores.itemsPerSecond),
    joinThreshold: round(engine.joinThreshold),
  };
  if (args.baseline) {
    const baseline = runTfidfKmeansBaseline(rows, args.seed);
    result['baseline'] = {
      method: 'tfidf+kmeans (k = number of labels)',
      nmi: round(baseline.nmi),
      ari: round(baseline.ari),
      accuracy: round(baseline.accuracy),
      themes: baseline.themes,
      coverage: baseline.coverage,
      itemsPerSecond: Math.round(baseline.itemsPerSecond),
    };
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  for (const [key, value] of Object.entries(result)) {
    process.stdout.write(
      `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}\n`,
    );
  }
  process.stdout.write('\nlargest themes:\n');
  for (const theme of engine.themes().slice(0, 15)) {
    const quote = engine.quotes(theme.id, 1)[0]?.text ?? '';
    process.stdout.write(`  ${theme.id} (${theme.size}) "${theme.label}"  e.g. ${quote}\n`);
  }
}

main();
