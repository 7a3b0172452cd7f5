import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningService } from './services';

const ROOT = join(__dirname, '..', '..', '..', '..');

export interface PrivateSmtp extends RunningService {
  readonly smtpPort: number;
  readonly apiUrl: string;
  /** Starts the server again after `stop`, on the same ports and with the same store. */
  start(): void;
  /** Stops the server and deletes its store. */
  remove(): Promise<void>;
}

/**
 * Its own instance of the project's test SMTP server (tools/smtp/test-smtp-server.mjs) on the
 * given ports, with a fresh store: counts are exact and the shared server is not flooded.
 */
export function startPrivateSmtp(smtpPort: number, httpPort: number): PrivateSmtp {
  const dir = mkdtempSync(join(tmpdir(), 'closedloop-smtp-'));
  const spawnServer = (): ChildProcess =>
    spawn(process.execPath, [join(ROOT, 'tools', 'smtp', 'test-smtp-server.mjs')], {
      cwd: ROOT,
      env: {
        ...process.env,
        SMTP_BIND_HOST: '127.0.0.1',
        SMTP_PORT: String(smtpPort),
        SMTP_HTTP_PORT: String(httpPort),
        SMTP_STORE_DIR: join(dir, 'messages'),
        SMTP_LOG_FILE: join(dir, 'server.log'),
      },
      stdio: 'ignore',
    });
  let child = spawnServer();
  const exited = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;
  const stop = (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<void>((resolve) => {
      const current = child;
      if (exited(current)) return resolve();
      const killer = setTimeout(() => current.kill('SIGKILL'), 10_000);
      current.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      current.kill(signal);
    });
  return {
    name: 'test-smtp-server',
    get process() {
      return child;
    },
    smtpPort,
    apiUrl: `http://127.0.0.1:${httpPort}`,
    stop,
    start: () => {
      if (!exited(child)) throw new Error('the private SMTP server is still running');
      child = spawnServer();
    },
    remove: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
