/** Command-line options of eval-themes. */
export interface EvalArgs {
  readonly input: string;
  readonly textColumn: string;
  readonly labelColumn: string;
  readonly seed: number;
  readonly json: boolean;
  readonly baseline: boolean;
  readonly consolidateEvery: number | undefined;
}

/** Parses `--name value` and `--flag` arguments. */
export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      values.set(arg.slice(2), next);
      i++;
    } else {
      flags.add(arg.slice(2));
    }
  }
  const input = values.get('input');
  if (!input)
    throw new Error(
      'usage: eval-themes --input FILE.csv [--text-column text] [--label-column category] [--seed N] [--json] [--baseline] [--consolidate-every N]',
    );
  const every = values.get('consolidate-every');
  return {
    input,
    textColumn: values.get('text-column') ?? 'text',
    labelColumn: values.get('label-column') ?? 'category',
    seed: Number(values.get('seed') ?? 1),
    json: flags.has('json'),
    baseline: flags.has('baseline'),
    consolidateEvery: every === undefined ? undefined : Number(every),
  };
}
