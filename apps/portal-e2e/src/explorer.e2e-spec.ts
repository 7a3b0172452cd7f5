import type { Browser, BrowserContext, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import {
  checkPage,
  collectErrors,
  launchChromium,
  requireBaseUrl,
  requireCredentials,
  signIn,
  type Credentials,
} from './support/browser';

/** From the embedded demo data (`npm start`). */
const KNOWN_COMMENT = 'Checkout keeps timing out when I pay by card.';
const KNOWN_CUSTOMER = { name: 'Maya Chen', email: 'maya.chen@example.com' };
const ANNOUNCED_ACTION = 'Fix card payment time-outs at checkout';
const PROPOSED_ACTION = 'Make the delivery address easier to change';

describe('feedback explorer, customers, settings and the actions board in a browser', () => {
  const run = randomUUID().slice(0, 8);
  let baseUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let credentials: Credentials;

  /** GraphQL as a script would call it, with a bearer token (session or API key). */
  async function gql<T>(query: string, variables: Record<string, unknown>, bearer?: string) {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(bearer && { authorization: `Bearer ${bearer}` }),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length || !body.data) {
      throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    }
    return body.data;
  }

  beforeAll(async () => {
    baseUrl = await requireBaseUrl();
    credentials = requireCredentials();
    browser = await launchChromium();
    // The demo customer also speaks on social media, so their page shows two sources.
    const { signIn: session } = await gql<{ signIn: { token: string } }>(
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
      { e: credentials.email, p: credentials.password },
    );
    const { createApiKey } = await gql<{ createApiKey: { key: string } }>(
      'mutation($n: String!) { createApiKey(name: $n, scopes: [SOCIAL]) { key } }',
      { n: `explorer e2e ${run}` },
      session.token,
    );
    await gql(
      'mutation($i: SubmitSocialPostInput!) { submitSocialPost(input: $i) { status } }',
      {
        i: {
          externalId: `explorer-${run}`,
          platform: 'X',
          authorHandle: `@maya_${run}`,
          customerEmail: KNOWN_CUSTOMER.email,
          customerName: KNOWN_CUSTOMER.name,
          followers: 120,
          isPublic: true,
          occurredAt: new Date().toISOString(),
          text: `Paying by card in the app is still slow for me (${run}).`,
        },
      },
      createApiKey.key,
    );
    // Someone to erase, so the demo's own customers stay as they are.
    await gql(
      'mutation($i: SubmitSocialPostInput!) { submitSocialPost(input: $i) { status } }',
      {
        i: {
          externalId: `erase-${run}`,
          platform: 'REDDIT',
          authorHandle: `erin_${run}`,
          customerEmail: `erin-${run}@example.com`,
          customerName: `Erin ${run}`,
          followers: 3,
          isPublic: true,
          occurredAt: new Date().toISOString(),
          text: `Please delete my account data (${run}).`,
        },
      },
      createApiKey.key,
    );
    for (const key of [`social:explorer-${run}`, `social:erase-${run}`]) {
      for (let tries = 0; ; tries++) {
        const { feedbackByEventKey } = await gql<{ feedbackByEventKey: { id: string } | null }>(
          'query($k: String!) { feedbackByEventKey(eventKey: $k) { id } }',
          { k: key },
          session.token,
        );
        if (feedbackByEventKey) break;
        if (tries > 200) throw new Error(`${key} was never stored`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    page = await context.newPage();
    errors = collectErrors(page);
    await signIn(page, baseUrl, credentials);
  });

  afterEach(async () => {
    expect(errors).toEqual([]);
    await context?.close();
  });

  const table = () => page.getByRole('table', { name: /Customer feedback/ });
  const rowCount = () => table().locator('tbody tr').count();
  const total = async () => {
    const text = await page.getByTestId('feedback-count').innerText();
    return Number(/of (\d+)/.exec(text)?.[1]);
  };
  async function choose(label: string, option: string): Promise<void> {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  it('narrows the feedback with filters kept in the URL, through a reload', async () => {
    await page.goto(`${baseUrl}/feedback`);
    await table().getByRole('row').filter({ hasText: KNOWN_COMMENT }).waitFor();
    const all = await total();
    expect(all).toBeGreaterThanOrEqual(13);

    await choose('Metric', 'NPS');
    await page.waitForURL(/[?&]metric=NPS/);
    await page.waitForFunction(
      (before) =>
        !document
          .querySelector('[data-testid="feedback-count"]')
          ?.textContent?.includes(`of ${before}`),
      all,
    );
    const nps = await total();
    expect(nps).toBeLessThan(all);
    const scores = await table().locator('tbody td.mat-column-score').allInnerTexts();
    expect(scores.every((s) => s.includes('NPS'))).toBe(true);

    await choose('Score band', 'Detractor');
    await page.waitForURL(/scoreBand=detractor/);
    await page.waitForFunction(
      (before) =>
        !document
          .querySelector('[data-testid="feedback-count"]')
          ?.textContent?.includes(`of ${before}`),
      nps,
    );
    const detractors = await total();
    expect(detractors).toBeLessThan(nps);
    expect(detractors).toBeGreaterThan(0);
    const bands = await table().locator('tbody td.mat-column-score').allInnerTexts();
    expect(bands.every((s) => /NPS \d · Detractor/.test(s))).toBe(true);
    await checkPage(page, 'explorer-filtered');

    const search = page.getByRole('searchbox', { name: 'Search the text' });
    await search.fill('card');
    await search.press('Enter');
    await page.waitForURL(/search=card/);
    await page.waitForFunction(() => {
      const comments = Array.from(document.querySelectorAll('tbody td.mat-column-comment'));
      return comments.length > 0 && comments.every((td) => /card/i.test(td.textContent ?? ''));
    });
    const searched = await rowCount();
    expect(searched).toBeGreaterThan(0);
    expect(searched).toBeLessThanOrEqual(detractors);
    const url = page.url();

    await page.reload();
    await table().locator('tbody tr').first().waitFor();
    expect(page.url()).toBe(url);
    expect(await rowCount()).toBe(searched);
    await expect(page.getByRole('combobox', { name: 'Metric' }).innerText()).resolves.toContain(
      'NPS',
    );
    await expect(search.inputValue()).resolves.toBe('card');
    await checkPage(page, 'explorer-reloaded');

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.waitForURL(/\/feedback$/);
    await page.waitForFunction(
      (n) =>
        document.querySelector('[data-testid="feedback-count"]')?.textContent?.includes(`of ${n}`),
      all,
    );
  });

  it('opens one feedback item, linked to its customer and its theme', async () => {
    await page.goto(`${baseUrl}/feedback?search=${encodeURIComponent('"timing out"')}`);
    await table().getByRole('link', { name: KNOWN_COMMENT }).click();
    await page.waitForURL(/\/feedback\/[0-9a-f-]{36}$/);
    await page
      .getByRole('heading', { level: 1, name: `Feedback from ${KNOWN_CUSTOMER.name}` })
      .waitFor();
    await expect(page.getByTestId('feedback-text').innerText()).resolves.toContain(KNOWN_COMMENT);
    const details = await page.getByTestId('source-details').innerText();
    expect(details).toContain('survey:demo-1');
    expect(details).toMatch(/channel\s+email/i);
    const customer = page.getByTestId('feedback-customer');
    expect(await customer.getAttribute('href')).toMatch(/^\/customers\/[0-9a-f-]{36}$/);
    const theme = page.getByTestId('feedback-theme');
    await theme.waitFor();
    expect(await theme.getAttribute('href')).toMatch(/^\/themes\/.+/);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="feedback-theme"]')?.textContent?.trim() !==
        'Open the theme',
    );
    await expect(page.getByTestId('feedback-similarity').innerText()).resolves.toMatch(
      /similarity \d+ %/,
    );
    await checkPage(page, 'feedback-item');

    await customer.click();
    await page.getByRole('heading', { level: 1, name: KNOWN_CUSTOMER.name }).waitFor();
  });

  it('shows a customer across sources, with the notices they received', async () => {
    await page.goto(`${baseUrl}/customers`);
    const search = page.getByRole('searchbox', { name: 'Search by name or email' });
    await search.fill('maya.chen');
    await search.press('Enter');
    await page.waitForURL(/search=maya\.chen/);
    const list = page.getByRole('table', { name: /Customers/ });
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
    await checkPage(page, 'customers-search');
    await list.getByRole('link', { name: KNOWN_CUSTOMER.name }).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: KNOWN_CUSTOMER.name }).waitFor();

    const feedback = page.getByRole('table', { name: /Feedback from this customer/ });
    await feedback.locator('tbody tr').first().waitFor();
    const sources = await feedback.locator('tbody td.mat-column-source').allInnerTexts();
    expect(new Set(sources.map((s) => s.trim()))).toEqual(new Set(['Survey', 'Social']));
    expect(await feedback.innerText()).toContain(`(${run})`);
    await expect(
      page.getByRole('list', { name: 'Identities per source' }).innerText(),
    ).resolves.toMatch(/social:x: @maya_/i);

    const notices = page.getByRole('table', { name: 'Change notices to this customer' });
    const notice = notices.getByRole('row').filter({ hasText: ANNOUNCED_ACTION });
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/Sent/);
    expect(await notice.getByRole('link', { name: ANNOUNCED_ACTION }).getAttribute('href')).toMatch(
      /^\/actions\/[0-9a-f-]{36}$/,
    );
    await expect(page.getByTestId('unsubscribe-state').innerText()).resolves.toBe('Subscribed');
    expect(await page.getByRole('button', { name: 'Erase customer…' }).count()).toBe(1);
    await checkPage(page, 'customer');
  });

  it('lets an admin erase a customer after typing their email', async () => {
    const email = `erin-${run}@example.com`;
    await page.goto(`${baseUrl}/customers?search=${encodeURIComponent(email)}`);
    await page
      .getByRole('table', { name: /Customers/ })
      .getByRole('link', { name: `Erin ${run}` })
      .click();
    await page.getByRole('heading', { level: 1, name: `Erin ${run}` }).waitFor();
    await page.getByRole('button', { name: 'Erase customer…' }).click();
    const dialog = page.getByRole('dialog');
    const erase = dialog.getByRole('button', { name: 'Erase customer' });
    await dialog.getByLabel(`Type ${email} to confirm`).fill('someone else');
    expect(await erase.isDisabled()).toBe(true);
    await checkPage(page, 'customer-erase-confirm');
    await dialog.getByLabel(`Type ${email} to confirm`).fill(email);
    await erase.click();
    await page.getByRole('heading', { level: 1, name: 'Anonymous' }).waitFor();
    const feedback = page.getByRole('table', { name: /Feedback from this customer/ });
    expect(await feedback.innerText()).not.toContain(run);
    expect(await page.content()).not.toContain(email);
    await checkPage(page, 'customer-erased');
  });

  it('creates an API key shown once, and changes the sender', async () => {
    await page.goto(`${baseUrl}/admin`);
    await page.waitForURL(/\/settings$/);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const keyName = `settings e2e ${run}`;
    await page.getByLabel('Key name').fill(keyName);
    await page.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByTestId('new-api-key');
    await shown.waitFor();
    const key = (await shown.innerText()).trim();
    expect(key).toMatch(/^clk_/);
    await page.getByRole('button', { name: 'Copy the key' }).waitFor();
    await page
      .getByRole('table', { name: 'API keys' })
      .getByRole('row')
      .filter({ hasText: keyName })
      .waitFor();
    await checkPage(page, 'settings-key-created');

    await page.getByLabel('Sender name').fill(`Acme care ${run}`);
    await page.getByLabel('Sender address').fill(`care-${run}@acme.example`);
    await page.getByLabel('Default subject').fill('Good news about {{change}}');
    await page.getByRole('button', { name: 'Save sender and template' }).click();
    await page.getByTestId('sender-saved').filter({ hasText: 'Saved.' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page
      .getByRole('table', { name: 'API keys' })
      .getByRole('row')
      .filter({ hasText: keyName })
      .waitFor();
    expect(await page.getByTestId('new-api-key').count()).toBe(0);
    expect(await page.content()).not.toContain(key);
    await expect(page.getByLabel('Sender address').inputValue()).resolves.toBe(
      `care-${run}@acme.example`,
    );
    await expect(page.getByLabel('Sender name').inputValue()).resolves.toBe(`Acme care ${run}`);
    await checkPage(page, 'settings');

    await page.getByLabel('Sender address').fill('not an address');
    await page.getByRole('button', { name: 'Save sender and template' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toContain(
      'senderAddress must be an email address',
    );
  });

  it('moves a card along the board, seen live on another page', async () => {
    await page.goto(`${baseUrl}/actions`);
    await page.getByRole('heading', { level: 1, name: 'Actions' }).waitFor();
    const column = (p: Page, label: string) =>
      p
        .locator('section.column')
        .filter({ has: p.getByRole('heading', { name: new RegExp(`^${label}`) }) });
    const count = async (p: Page, label: string) =>
      Number(await column(p, label).locator('.count').innerText());
    await column(page, 'Announced').getByRole('link', { name: ANNOUNCED_ACTION }).waitFor();
    const proposedBefore = await count(page, 'Proposed');
    const plannedBefore = await count(page, 'Planned');
    await checkPage(page, 'board');

    const watcher = await context.newPage();
    const watcherErrors = collectErrors(watcher);
    // Each tab keeps its own session.
    await signIn(watcher, baseUrl, credentials);
    await watcher.goto(`${baseUrl}/actions`);
    await column(watcher, 'Proposed').getByRole('link', { name: PROPOSED_ACTION }).waitFor();
    await watcher.waitForTimeout(500);

    await page.getByRole('button', { name: `Move “${PROPOSED_ACTION}”` }).click();
    await page.getByRole('menuitem', { name: 'Move to Planned' }).click();
    await column(page, 'Planned').getByRole('link', { name: PROPOSED_ACTION }).waitFor();
    expect(await count(page, 'Proposed')).toBe(proposedBefore - 1);
    expect(await count(page, 'Planned')).toBe(plannedBefore + 1);
    await checkPage(page, 'board-moved');

    // The other page hears of the move without reloading.
    await column(watcher, 'Planned')
      .getByRole('link', { name: PROPOSED_ACTION })
      .waitFor({ timeout: 10_000 });
    expect(watcherErrors).toEqual([]);
    await watcher.close();

    // Drag and drop to the next column.
    const card = column(page, 'Planned').locator('li.card').filter({ hasText: PROPOSED_ACTION });
    const target = column(page, 'In progress').locator('ul.cards');
    const from = await card.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('card or column not on screen');
    await page.mouse.move(from.x + 20, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + from.height / 2 + 10, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 30, { steps: 20 });
    await page.mouse.up();
    await column(page, 'In progress').getByRole('link', { name: PROPOSED_ACTION }).waitFor();

    await page.reload();
    await column(page, 'In progress').getByRole('link', { name: PROPOSED_ACTION }).waitFor();
  });

  it('shows an announcement’s delivery progress live until every notice is delivered', async () => {
    await page.goto(`${baseUrl}/actions`);
    await page.getByRole('button', { name: `Move “${PROPOSED_ACTION}”` }).click();
    await page.getByRole('menuitem', { name: 'Mark as Shipped' }).click();
    const shipped = page
      .locator('section.column')
      .filter({ has: page.getByRole('heading', { name: /^Shipped/ }) });
    await shipped.getByRole('link', { name: PROPOSED_ACTION }).click();
    await page.waitForURL(/\/actions\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: PROPOSED_ACTION }).waitFor();
    // The announce form starts with the subject set in Settings.
    await expect(page.getByLabel('Subject').inputValue()).resolves.toBe(
      'Good news about {{change}}',
    );
    await page.getByRole('button', { name: 'Announce to customers…' }).click();
    await page.getByRole('button', { name: 'Send announcement' }).click();
    const progress = page.getByTestId('delivery-progress');
    await progress.waitFor();
    await page.waitForFunction(
      () =>
        /^All \d+ delivered/.test(
          document.querySelector('[data-testid="delivery-state"]')?.textContent?.trim() ?? '',
        ),
      undefined,
      { timeout: 30_000 },
    );
    expect(Number(await page.getByTestId('count-delivered').innerText())).toBeGreaterThan(0);
    await expect(page.getByTestId('count-pending').innerText()).resolves.toBe('0');
    await page.waitForFunction(() =>
      /\b(\d+) of \1 sent$/.test(
        document.querySelector('[data-testid="notice-summary"]')?.textContent?.trim() ?? '',
      ),
    );
    await checkPage(page, 'delivery-progress');
  });
});
