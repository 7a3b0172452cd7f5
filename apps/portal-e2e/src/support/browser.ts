import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where screenshots go, from the workspace root. */
export const ARTIFACTS_DIR = resolve(__dirname, '../../../../dist/test-artifacts/portal');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The base URL of the running ClosedLoop under test. Fails (never skips) when PORTAL_BASE_URL is
 * missing or nothing answers there, so a misconfigured run cannot pass by testing nothing.
 */
export async function requireBaseUrl(): Promise<string> {
  const raw = process.env['PORTAL_BASE_URL'];
  if (!raw || raw.trim() === '') {
    throw new Error(
      'PORTAL_BASE_URL is not set. Start ClosedLoop (e.g. `npm start`) and run: PORTAL_BASE_URL=http://127.0.0.1:3000 npx nx e2e portal-e2e',
    );
  }
  const base = raw.trim().replace(/\/+$/, '');
  let response: Response;
  try {
    response = await fetch(`${base}/`, { signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new Error(
      `ClosedLoop is not reachable at PORTAL_BASE_URL=${base}: ${(error as Error).message}`,
    );
  }
  const html = await response.text();
  if (!response.ok || !html.includes('<cl-root')) {
    throw new Error(
      `PORTAL_BASE_URL=${base} answered HTTP ${response.status} without the portal (is it built? npx nx build portal)`,
    );
  }
  return base;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Everything the page reported as an error: console errors, uncaught exceptions, failed requests. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown';
    // The portal cancels a request it no longer needs (leaving a page mid-poll); that is not a failure.
    if (reason === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${request.method()} ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400)
      errors.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface Credentials {
  readonly email: string;
  readonly password: string;
}

/** Who signs in: PORTAL_E2E_EMAIL and PORTAL_E2E_PASSWORD (an admin; `npm test` starts the embedded mode with them). */
export function requireCredentials(): Credentials {
  const email = process.env['PORTAL_E2E_EMAIL']?.trim();
  const password = process.env['PORTAL_E2E_PASSWORD'];
  if (!email || !password) {
    throw new Error(
      'PORTAL_E2E_EMAIL and PORTAL_E2E_PASSWORD are not set: start ClosedLoop with ADMIN_EMAIL and ADMIN_PASSWORD and pass the same here',
    );
  }
  return { email, password };
}

/** Signs in through the sign-in page and waits until the portal shows who is signed in. */
export async function signIn(page: Page, baseUrl: string, credentials: Credentials): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-user').waitFor();
}

/** axe-core impacts that fail a page: the rest (minor, moderate) are reported by axe but tolerated. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe-core (WCAG 2 A/AA rules) on the page as it is now and fails with every serious or
 * critical violation named, with the elements it found them on.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const failing = results.violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ''));
  if (failing.length === 0) return;
  const described = failing.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `    at ${n.target.join(' ')}: ${n.html.slice(0, 160)}\n      ${n.failureSummary ?? ''}`,
        )
        .join('\n'),
  );
  throw new Error(`accessibility violations on ${what}:\n${described.join('\n')}`);
}

/** A page as a test leaves it: kept as a screenshot artefact and checked with axe-core. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await expectAccessible(page, name);
}
