/**
 * npm run bench:portal [-- --runs 7] [--url http://127.0.0.1:3000 --email E --password P] [--port 3440]
 *                      [--latency-ms 40 --mbps 20] [--target-ms 1500]
 *
 * How fast the loop overview shows in a cold browser. Without --url it starts the built embedded
 * mode (`node dist/apps/embedded/main.js`; build it first with
 * `npx nx run-many -t build -p api pipeline notifier portal embedded`) on a fresh data directory,
 * so the demo data is seeded, with an admin made for the run; with --url it uses a running
 * ClosedLoop and the given admin (or any person who may read).
 *
 * Signs in through the GraphQL API once, then per run: a fresh browser context (no cache, no
 * cookies; the session put in sessionStorage as the portal keeps it), opens /overview and
 * records, from navigation start, first-contentful-paint, the moment the first overview figure
 * (the flow's total or a loop measure) is in the page and visible, and the moment the Sankey is
 * drawn. Prints each run and the median and max of each as a markdown table, with the machine
 * and its load. Chromium: CHROMIUM_PATH or /usr/bin/chromium. Run it alone (flock
 * /tmp/closedloop-e2e.lock on a shared machine).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const root = join(__dirname, '..', '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    url: { type: 'string' },
    email: { type: 'string' },
    password: { type: 'string' },
    port: { type: 'string', default: '3440' },
    'target-ms': { type: 'string', default: '1500' },
    'latency-ms': { type: 'string', default: '0' },
    mbps: { type: 'string', default: '0' },
  },
});
const runs = Number(values.runs);
const targetMs = Number(values['target-ms']);
/** Network emulation (Chromium's): added round-trip latency and download speed; 0 for none. */
const latencyMs = Number(values['latency-ms']);
const mbps = Number(values.mbps);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Embedded {
  readonly url: string;
  readonly email: string;
  readonly password: string;
  readonly stop: () => Promise<void>;
}

async function startEmbedded(port: number): Promise<Embedded> {
  const dataDir = mkdtempSync(join(tmpdir(), 'closedloop-portal-bench-'));
  const email = 'portal-bench@closedloop.local';
  const password = randomBytes(12).toString('hex');
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'dist', 'apps', 'embedded', 'main.js')],
    {
      cwd: root,
      env: {
        ...process.env,
        NO_COLOR: '1',
        ADMIN_EMAIL: email,
        ADMIN_PASSWORD: password,
        PORT: String(port),
        PGLITE_PORT: String(port + 1),
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 480; i++) {
    if (child.exitCode !== null) throw new Error(`embedded mode exited:\n${output}`);
    if (output.includes('ClosedLoop is running')) return { url, email, password, stop };
    await sleep(250);
  }
  await stop();
  throw new Error(`embedded mode did not start in 120 s:\n${output}`);
}

async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token expiresAt user { id email name role } } }',
      variables: { email, password },
    }),
  });
  const body = (await response.json()) as {
    data?: { signIn: unknown };
    errors?: { message: string }[];
  };
  if (!body.data) throw new Error(`sign-in failed: ${JSON.stringify(body.errors)}`);
  return JSON.stringify(body.data.signIn);
}

/** Records, in the page, when the first figure and the Sankey are there and visible. */
const WATCH = `(() => {
  const seen = (selector) => {
    for (const el of document.querySelectorAll(selector)) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) return true;
    }
    return false;
  };
  const check = () => {
    if (window.__firstFigure === undefined && seen('[data-testid="flow-total"] strong, [data-testid="loop-figures"] dd.value')) {
      window.__firstFigure = performance.now();
    }
    if (window.__sankey === undefined && seen('[aria-label^="Sankey flow"] svg path')) {
      window.__sankey = performance.now();
    }
    if (window.__firstFigure === undefined || window.__sankey === undefined) requestAnimationFrame(check);
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  requestAnimationFrame(check);
})();`;

interface Run {
  readonly fcp: number;
  readonly firstFigure: number;
  readonly sankey: number;
  readonly jsKb: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function main(): Promise<void> {
  const embedded = values.url ? null : await startEmbedded(Number(values.port));
  const url = (values.url ?? embedded?.url ?? '').replace(/\/+$/, '');
  const email = values.email ?? embedded?.email;
  const password = values.password ?? embedded?.password;
  if (!email || !password) throw new Error('--email and --password are required with --url');
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const results: Run[] = [];
  try {
    const session = await signIn(url, email, password);
    for (let n = 0; n < runs + 1; n++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(
        ([key, value]) => sessionStorage.setItem(key as string, value as string),
        ['closedloop.session', session],
      );
      await context.addInitScript(WATCH);
      const page = await context.newPage();
      if (latencyMs > 0 || mbps > 0) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: latencyMs,
          downloadThroughput: mbps > 0 ? (mbps * 1_000_000) / 8 : -1,
          uploadThroughput: mbps > 0 ? (mbps * 1_000_000) / 8 : -1,
        });
      }
      let jsBytes = 0;
      page.on('response', (r) => {
        if (r.url().endsWith('.js'))
          void r
            .body()
            .then((b) => (jsBytes += b.length))
            .catch(() => undefined);
      });
      await page.goto(`${url}/overview`);
      await page.waitForFunction(
        () =>
          (window as unknown as { __firstFigure?: number; __sankey?: number }).__sankey !==
            undefined &&
          (window as unknown as { __firstFigure?: number }).__firstFigure !== undefined,
        undefined,
        { timeout: 30_000 },
      );
      const run = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        firstFigure: (window as unknown as { __firstFigure: number }).__firstFigure,
        sankey: (window as unknown as { __sankey: number }).__sankey,
      }));
      await context.close();
      // The first run warms the server (its caches, PGlite's pages), not the browser: left out.
      if (n > 0) results.push({ ...run, jsKb: jsBytes / 1024 });
    }
  } finally {
    await browser.close();
    await embedded?.stop();
  }
  const ms = (x: number) => `${Math.round(x)} ms`;
  const cpu = cpus();
  console.log(
    `\nportal bench, ${new Date().toISOString()}, ${url}${embedded ? ' (embedded, fresh demo data)' : ''}`,
  );
  console.log(
    `machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const network =
    latencyMs > 0 || mbps > 0
      ? `network emulated: +${latencyMs} ms round trip, ${mbps || 'unlimited'} Mbit/s`
      : 'no network emulation (loopback)';
  console.log(
    `${runs} cold runs (fresh browser context each), after one warm-up run; ${network}\n`,
  );
  console.log('| run | first contentful paint | first figure visible | Sankey drawn | JS loaded |');
  console.log('| --- | --- | --- | --- | --- |');
  results.forEach((r, i) =>
    console.log(
      `| ${i + 1} | ${ms(r.fcp)} | ${ms(r.firstFigure)} | ${ms(r.sankey)} | ${Math.round(r.jsKb)} kB |`,
    ),
  );
  const col = (pick: (r: Run) => number) => results.map(pick);
  for (const [name, f] of [
    ['median', median],
    ['max', (xs: number[]) => Math.max(...xs)],
  ] as const) {
    console.log(
      `| ${name} | ${ms(f(col((r) => r.fcp)))} | ${ms(f(col((r) => r.firstFigure)))} | ${ms(f(col((r) => r.sankey)))} | |`,
    );
  }
  const worst = Math.max(...col((r) => r.firstFigure));
  console.log(
    `\nfirst figure within ${targetMs} ms: ${worst <= targetMs ? 'yes' : 'no'} (max ${ms(worst)})`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
