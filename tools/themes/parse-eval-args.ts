/** Command-line options of eval-themes. */
export interface EvalArgs {
  readonly input: string;
  readonly textColumn: string;
  readonly labelColumn: string;
  /** One run per seed (`--seed N`, or `--seeds 1,2,3`), sharing one pass of the encoder. */
  readonly seeds: readonly number[];
  readonly json: boolean;
  readonly baseline: boolean;
  readonly consolidateEvery: number | undefined;
}

const USAGE =
  'usage: themes:eval -- --input FILE.csv [--text-column text] [--label-column category] ' +
  '[--seed N | --seeds 1,2,3] [--json] [--baseline] [--consolidate-every N]';

function positiveInteger(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new Error(`--${name} must be a positive integer, got "${value}"\n${USAGE}`);
  return number;
}

/** Parses `--name value` and `--flag` arguments. */
export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"\n${USAGE}`);
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      values.set(arg.slice(2), next);
      i++;
    } else {
      flags.add(arg.slice(2));
    }
  }
  const input = values.get('input');
  if (!input) throw new Error(USAGE);
  const every = values.get('consolidate-every');
  const seedList = values.get('seeds');
  const seeds = seedList
    ? seedList.split(',').map((seed) => positiveInteger('seeds', seed.trim()))
    : [positiveInteger('seed', values.get('seed') ?? '1')];
  return {
    input,
    textColumn: values.get('text-column') ?? 'text',
    labelColumn: values.get('label-column') ?? 'category',
    seeds,
    json: flags.has('json'),
    baseline: flags.has('baseline'),
    consolidateEvery: every === undefined ? undefined : positiveInteger('consolidate-every', every),
  };
}
