import { z } from 'zod';

/** Reads and validates configuration from the environment once, at boot; fails naming every bad variable. */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('\n  ');
    throw new Error(`Invalid configuration:\n  ${problems}`);
  }
  return parsed.data;
}

/** `true`/`false`/`1`/`0` environment flags. */
export const envFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1'));

/** Comma-separated broker list. */
export const envList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    );

/**
 * Comma-separated choices, each one of `choices` (`intake,theming`): at least one, duplicates
 * dropped, in the order given. Unset: `fallback`.
 */
export const envChoices = <const T extends string>(
  choices: readonly [T, ...T[]],
  fallback: readonly T[],
) =>
  z
    .string()
    .default(fallback.join(','))
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    )
    .pipe(
      z
        .array(
          z.enum(choices, {
            error: (issue) => `"${String(issue.input)}" is not one of ${choices.join(', ')}`,
          }),
        )
        .min(1, { error: `name at least one of ${choices.join(', ')}` }),
    )
    .transform((list) => [...new Set(list)]);

/** METRICS_TOKEN: when set, `/metrics` wants it as a bearer token (at least 16 characters). */
export const metricsTokenEnv = () =>
  z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional();
