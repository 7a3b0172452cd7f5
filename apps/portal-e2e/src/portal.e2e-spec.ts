import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  collectErrors,
  launchChromium,
  requireBaseUrl,
  requireCredentials,
  checkPage,
  signIn,
  type Credentials,
} from './support/browser';

/** A comment from the embedded demo data; override for another data set. */
const KNOWN_COMMENT =
  process.env['PORTAL_E2E_KNOWN_COMMENT'] ?? 'Checkout keeps timing out when I pay by card.';

describe('portal in a browser', () => {
  let baseUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let credentials: Credentials;

  beforeAll(async () => {
    baseUrl = await requireBaseUrl();
    credentials = requireCredentials();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    page = await context.newPage();
    errors = collectErrors(page);
  });

  afterEach(async () => {
    await context?.close();
  });

  it('sends a signed-out visitor to sign in, refuses a wrong password, and comes back after signing in', async () => {
    await page.goto(`${baseUrl}/actions`);
    await page.waitForURL(/\/sign-in\?returnUrl=%2Factions$/);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(credentials.email);
    await page.getByLabel('Password').fill(`${credentials.password}-wrong`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Wrong email or password');
    expect(page.url()).toContain('/sign-in');
    await checkPage(page, 'sign-in-refused');

    await page.getByLabel('Password').fill(credentials.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/actions$/);
    await page.getByRole('heading', { level: 1, name: 'Actions' }).waitFor();
    const user = page.getByTestId('signed-in-user');
    expect((await user.innerText()).replace(/\s+/g, ' ')).toMatch(/Admin$/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${baseUrl}/feedback`);
    await page.waitForURL(/\/sign-in\?returnUrl=%2Ffeedback$/);
  });

  it('shows the feedback list, newest first', async () => {
    await signIn(page, baseUrl, credentials);
    await page.goto(`${baseUrl}/feedback`);
    await page.waitForURL(/\/feedback$/);
    await page.getByRole('heading', { level: 1, name: 'Feedback' }).waitFor();

    const table = page.getByRole('table', { name: /Customer feedback/ });
    const row = table.getByRole('row').filter({ hasText: KNOWN_COMMENT });
    await row.first().waitFor({ timeout: 20_000 });
    expect(await row.count()).toBe(1);
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    // The score shows as metric, score and band, in text.
    expect(await row.first().innerText()).toMatch(/NPS \d+ · (Detractor|Passive|Promoter)/);

    const received = await table
      .locator('tbody tr td.mat-column-receivedAt > time')
      .evaluateAll((times) => times.map((t) => Date.parse(t.getAttribute('datetime') ?? '')));
    expect(received.length).toBeGreaterThan(0);
    expect(received).toEqual([...received].sort((a, b) => b - a));

    await checkPage(page, 'feedback');
    expect(errors).toEqual([]);
  });

  it('opens an announced action and shows its notices as sent', async () => {
    await signIn(page, baseUrl, credentials);
    await page.goto(`${baseUrl}/actions`);
    await page.getByRole('heading', { level: 1, name: 'Actions' }).waitFor();
    // The board's Announced column holds the announced actions.
    const announced = page
      .locator('section.column[data-status="ANNOUNCED"]')
      .locator('li.card')
      .first();
    await announced.waitFor({ timeout: 20_000 });
    await checkPage(page, 'actions');

    const link = announced.getByRole('link');
    const title = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(/\/actions\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect((await page.getByTestId('action-status').innerText()).trim()).toMatch(/Announced$/);

    // Delivery may still be under way right after a start: the page polls until every notice is sent.
    const summary = page.getByTestId('notice-summary');
    await page.waitForFunction(
      () =>
        /\b(\d+) of \1 sent$/.test(
          document.querySelector('[data-testid="notice-summary"]')?.textContent?.trim() ?? '',
        ),
      undefined,
      { timeout: 30_000 },
    );
    const [, sent] = /(\d+) of \d+ sent/.exec(await summary.innerText()) ?? [];
    expect(Number(sent)).toBeGreaterThan(0);

    const notices = page.getByRole('table', { name: /Change notices/ });
    const statuses = await notices.locator('tbody tr td.mat-column-status cl-chip').allInnerTexts();
    expect(statuses.length).toBe(Number(sent));
    expect(statuses.every((s) => /Sent$/.test(s.trim()))).toBe(true);
    const messageIds = await notices
      .locator('tbody tr td.mat-column-messageId .mono')
      .allInnerTexts();
    expect(messageIds).toHaveLength(Number(sent));
    expect(messageIds.every((m) => /^<.+@.+>$/.test(m.trim()))).toBe(true);

    // The email as the customer got it: subject and plain-text body, shown as text.
    const email = notices.getByTestId('sent-email').first();
    await email.locator('summary').click();
    await expect(email.locator('.email-subject').innerText()).resolves.toMatch(/\S/);
    await expect(email.locator('.email-body').innerText()).resolves.toContain('Unsubscribe: http');

    await page.getByRole('table', { name: /Feedback linked/ }).waitFor();
    await page.getByRole('table', { name: /Audit history/ }).waitFor();

    await checkPage(page, 'action');
    expect(errors).toEqual([]);
  });

  it('lets an admin see the people and create an API key that is shown once', async () => {
    await signIn(page, baseUrl, credentials);
    // /admin is now part of Settings.
    await page.goto(`${baseUrl}/admin`);
    await page.waitForURL(/\/settings$/);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const people = page.getByRole('table', { name: 'People' });
    await people.getByRole('row').filter({ hasText: credentials.email }).waitFor();
    expect(await people.getByRole('row').filter({ hasText: 'lead@closedloop.local' }).count()).toBe(
      1,
    );

    const keyName = `portal e2e ${Date.now()}`;
    await page.getByLabel('Key name').fill(keyName);
    await page.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByTestId('new-api-key');
    await shown.waitFor();
    expect((await shown.innerText()).trim()).toMatch(/^clk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    await page
      .getByRole('table', { name: 'API keys' })
      .getByRole('row')
      .filter({ hasText: keyName })
      .waitFor();
    await checkPage(page, 'admin');
    expect(errors).toEqual([]);
  });

  it('shows a viewer the actions without the controls that change them', async () => {
    await signIn(page, baseUrl, credentials);
    await page.goto(`${baseUrl}/admin`);
    const viewer = {
      email: `viewer-${Date.now()}@closedloop.local`,
      password: 'a viewer passphrase',
    };
    const form = page.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Name').fill('Vera Viewer');
    await form.getByLabel('Email').fill(viewer.email);
    await form.getByLabel(/First password/).fill(viewer.password);
    await form.getByRole('button', { name: 'Add person' }).click();
    await page
      .getByRole('table', { name: 'People' })
      .getByRole('row')
      .filter({ hasText: viewer.email })
      .waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);

    await signIn(page, baseUrl, viewer);
    expect((await page.getByTestId('signed-in-user').innerText()).replace(/\s+/g, ' ')).toMatch(
      /Vera Viewer Viewer$/,
    );
    await page.goto(`${baseUrl}/actions`);
    await page.getByRole('heading', { level: 1, name: 'Actions' }).waitFor();
    const row = page.locator('section.column li.card').first();
    await row.waitFor();
    expect(await page.getByRole('button', { name: 'New action' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Move / }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    await row.getByRole('link').click();
    await page.waitForURL(/\/actions\/[0-9a-f-]{36}$/);
    await page.getByRole('table', { name: /Audit history/ }).waitFor();
    expect(await page.locator('cl-announce-form').count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Change status' }).count()).toBe(0);
    await checkPage(page, 'viewer-action');
    expect(errors).toEqual([]);
  });
});
