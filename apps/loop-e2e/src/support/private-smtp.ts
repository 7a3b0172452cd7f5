import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningService } from './services';

const ROOT = join(__dirname, '..', '..', '..', '..');

export interface PrivateSmtp extends RunningService {
  readonly smtpPort: number;
  readonly apiUrl: string;
  /** Stops the server and deletes its store. */
  remove(): Promise<void>;
}

/**
 * Its own instance of the project's test SMTP server (tools/smtp/test-smtp-server.mjs) on the
 * given ports, with a fresh store: counts are exact and the shared server is not flooded.
 */
export function startPrivateSmtp(smtpPort: number, httpPort: number): PrivateSmtp {
  const dir = mkdtempSync(join(tmpdir(), 'closedloop-smtp-'));
  const child = spawn(process.execPath, [join(ROOT, 'tools', 'smtp', 'test-smtp-server.mjs')], {
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
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return {
    name: 'test-smtp-server',
    process: child,
    smtpPort,
    apiUrl: `http://127.0.0.1:${httpPort}`,
    stop,
    remove: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
