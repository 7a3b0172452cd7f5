import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..', '..');
export const ARTIFACTS = join(ROOT, 'dist', 'test-artifacts', 'loop-e2e');

export interface RunningService {
  readonly name: string;
  readonly process: ChildProcess;
  /** Where its standard output goes (and its standard error, unless `errorFile` is given). */
  readonly logFile?: string;
  /** Where its standard error goes when kept apart (`logName` given). */
  readonly errorFile?: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts a built app (`dist/apps/<name>/main.js`) as its own process, its output kept as a test
 * artefact: both streams appended to `<name>.log`; or, when `logName` is given, standard output
 * written to `logName` and standard error to `logName.stderr`, both fresh.
 */
export function startService(
  name: string,
  env: Record<string, string>,
  logName?: string,
): RunningService {
  const main = join(ROOT, 'dist', 'apps', name, 'main.js');
  if (!existsSync(main))
    throw new Error(`${main} is missing: build it first (npx nx build ${name})`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const logFile = join(ARTIFACTS, logName ?? `${name}.log`);
  const errorFile = logName ? `${logFile}.stderr` : undefined;
  const log = createWriteStream(logFile, { flags: logName ? 'w' : 'a' });
  const errors = errorFile ? createWriteStream(errorFile, { flags: 'w' }) : log;
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(errors);
  return {
    name,
    process: child,
    logFile,
    ...(errorFile && { errorFile }),
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        child.kill(signal);
      }),
  };
}

export async function waitForHttp(
  url: string,
  service: RunningService,
  timeoutMs = 60_000,
): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (service.process.exitCode !== null) {
      throw new Error(
        `${service.name} exited with code ${service.process.exitCode}; see ${ARTIFACTS}/${service.name}.log`,
      );
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - start > timeoutMs)
      throw new Error(`${service.name} not ready at ${url} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
