import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface PrivatePostgres {
  readonly port: number;
  /** The URL of a database on this server (`postgres` unless named). */
  url(database?: string): string;
  /** Stops the server (`pg_ctl stop -m <mode>`); its data stays. */
  stop(mode?: 'smart' | 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
  /** Stops it however it is and deletes its data directory. Safe to call more than once. */
  remove(): Promise<void>;
}

/**
 * The directory of PostgreSQL's server programs (initdb, pg_ctl): `pg_config --bindir` when it
 * holds them, else the newest /usr/lib/postgresql/<version>/bin (Debian's layout, which
 * tools/stack/up.sh installs). Throws, naming what it looked for, when there is none.
 */
export function postgresBinDir(): string {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // no pg_config on PATH
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debian, v, 'bin')));
  }
  const found = candidates.find(
    (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')),
  );
  if (!found) {
    throw new Error(
      `no PostgreSQL server binaries (initdb, pg_ctl) found in ${candidates.join(', ') || '(pg_config --bindir, /usr/lib/postgresql/*/bin)'}: ` +
        'install PostgreSQL (bash tools/stack/up.sh does) to run this test',
    );
  }
  return found;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A PostgreSQL server of the test's own (initdb into a temporary directory, trust authentication,
 * a free port, listening on 127.0.0.1 only), so a test may stop and start it without touching the
 * machine's server. initdb refuses to run as root: as root, the programs run as the `postgres`
 * user, who owns the directory.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'closedloop-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = (flag: string): number => {
      try {
        return Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
      } catch {
        rmSync(dir, { recursive: true, force: true });
        throw new Error(
          'running as root, and initdb refuses root: a `postgres` user (the PostgreSQL package creates it) is needed to run the private server as',
        );
      }
    };
    chownSync(dir, id('-u'), id('-g'));
  }
  const run = async (program: string, args: string[], timeout = 60_000): Promise<void> => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]]
      : [join(bin, program), args];
    try {
      await exec(file, argv, { timeout });
    } catch (error) {
      const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2_000) : '';
      throw new Error(`${program} ${args.join(' ')} failed: ${(error as Error).message}\n${tail}`);
    }
  };

  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    // Durability across a crash of the machine is not what this server is for.
    '-c fsync=off',
    '-c full_page_writes=off',
  ].join(' ');
  let running = false;
  const start = async () => {
    await run('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '60', '-o', options]);
    running = true;
  };
  const stop = async (mode: 'smart' | 'fast' | 'immediate' = 'fast') => {
    await run('pg_ctl', ['stop', '-D', data, '-m', mode, '-w', '-t', '60']);
    running = false;
  };

  try {
    await run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    await start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  let removed = false;
  return {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop,
    start,
    remove: async () => {
      if (removed) return;
      removed = true;
      try {
        if (running || existsSync(join(data, 'postmaster.pid'))) await stop('immediate');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
