import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './services';

const run = promisify(execFile);

/**
 * Runs one of the project's TypeScript command-line tools (as `npm run <name>` does: ts-node with
 * the workspace's paths) and answers what it printed; fails with its stderr when it fails.
 */
export async function runTool(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', join(ROOT, script), ...args],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.tools.json'),
        TS_NODE_TRANSPILE_ONLY: 'true',
        // Nx's jest executor sets compiler options for its own ts-node; the tool uses its tsconfig.
        TS_NODE_COMPILER_OPTIONS: '{}',
        ...env,
      },
      timeout: 120_000,
    },
  );
  return stdout;
}
