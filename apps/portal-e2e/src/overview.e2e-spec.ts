import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  checkPage,
  collectErrors,
  launchChromium,
  requireBaseUrl,
  requireCredentials,
  signIn,
  type Credentials,
} from './support/browser';

/*
 * Against the embedded demo (`npm start` data): twelve survey responses given 1 to 20 days before
 * the start, every one with a journey stage; five of them in a shipped, announced action.
 * Override for another data set.
 */
const DEMO_TOTAL = Number(process.env['PORTAL_E2E_DEMO_TOTAL'] ?? 12);
/** Demo responses given 5, 3 and 1 days ago: the last 7 whole days (UTC) hold these three. */
const DEMO_LAST_7_DAYS = Number(process.env['PORTAL_E2E_DEMO_LAST_7_DAYS'] ?? 3);
const DEMO_SOURCE = process.env['PORTAL_E2E_DEMO_SOURCE'] ?? 'survey';
/** How the portal names that source. */
const DEMO_SOURCE_LABEL = process.env['PORTAL_E2E_DEMO_SOURCE_LABEL'] ?? 'Survey';

describe('loop overview and experience map in a browser', () => {
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

  /** The rows of a table (shown or folded away in its details) as cells' text, joined by " | ". */
  const rowsOf = (label: string) =>
    page.locator(`table[aria-label="${label}"] tbody tr`).evaluateAll((rows) =>
      rows.map((r) =>
        Array.from(r.querySelectorAll('th, td'))
          .map((c) => (c.textContent ?? '').trim())
          .join(' | '),
      ),
    );

  it('opens on the overview: the flow, the loop measures and how customers feel, from the demo data', async () => {
    await signIn(page, baseUrl, credentials);
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/overview$/);
    await page.getByRole('heading', { level: 1, name: 'Loop overview' }).waitFor();

    const total = page.getByTestId('flow-total');
    await total.waitFor({ timeout: 20_000 });
    expect(await total.locator('strong').innerText()).toBe(String(DEMO_TOTAL));
    // The Sankey is drawn (SVG) and its text equivalent names the demo's source with every item.
    await page
      .locator('cl-chart [role="img"][aria-label^="Sankey flow"] svg path')
      .first()
      .waitFor({ timeout: 20_000 });
    const flowRows = await rowsOf('Feedback at each step of the loop');
    expect(flowRows).toContain(`Source | ${DEMO_SOURCE_LABEL} | ${DEMO_TOTAL} | 100%`);
    const actioned = flowRows.find((r) => r.startsWith('Action | Has an action'));
    const unactioned = flowRows.find((r) => r.startsWith('Action | No action yet'));
    const count = (row: string | undefined) => Number(row?.split(' | ')[2] ?? NaN);
    // The demo's actions answer at least the five checkout responses; every item is in one branch.
    expect(count(actioned)).toBeGreaterThanOrEqual(5);
    expect(count(actioned) + (unactioned ? count(unactioned) : 0)).toBe(DEMO_TOTAL);

    const figures = page.getByTestId('loop-figures');
    await figures.waitFor();
    const withAction = figures.locator('.figure').filter({ hasText: 'Feedback with an action' });
    expect(await withAction.locator('.detail').innerText()).toBe(
      `${count(actioned)} of ${DEMO_TOTAL}`,
    );
    expect(await withAction.locator('.value').innerText()).toBe(
      `${Math.round((count(actioned) / DEMO_TOTAL) * 100)}%`,
    );
    await page.getByRole('heading', { level: 3, name: 'Open loops by age' }).waitFor();
    const nps = page.locator('.panel').filter({ has: page.getByRole('heading', { name: 'NPS' }) });
    expect(await nps.locator('.value').innerText()).toMatch(/^[+-]?\d+$/);
    await page.locator('.panel cl-chart svg').first().waitFor();
    await checkPage(page, 'overview');
    expect(errors).toEqual([]);
  });

  it('shows less when the date range is shorter', async () => {
    await signIn(page, baseUrl, credentials);
    await page.goto(`${baseUrl}/overview`);
    const total = page.getByTestId('flow-total').locator('strong');
    await total.waitFor({ timeout: 20_000 });
    expect(await total.innerText()).toBe(String(DEMO_TOTAL));

    const range = page.getByRole('navigation', { name: 'Date range' });
    await range.getByRole('link', { name: 'Last 7 days' }).click();
    await page.waitForURL(/\/overview\?days=7$/);
    await page.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="flow-total"] strong')?.textContent?.trim() ===
        expected,
      String(DEMO_LAST_7_DAYS),
      { timeout: 20_000 },
    );
    expect(
      await range.getByRole('link', { name: 'Last 7 days' }).getAttribute('aria-current'),
    ).toBe('true');
    // Seven days touch one or two weeks (Monday to Sunday).
    const weekRows = page.locator('table[aria-label="NPS, CSAT and sentiment by week"] tbody tr');
    await weekRows.first().waitFor({ state: 'attached', timeout: 20_000 });
    const weeks = await rowsOf('NPS, CSAT and sentiment by week');
    expect(weeks.length).toBeGreaterThanOrEqual(1);
    expect(weeks.length).toBeLessThanOrEqual(2);
    await checkPage(page, 'overview-last-7-days');

    await range.getByRole('link', { name: 'Last 30 days' }).click();
    await page.waitForURL(/\/overview\?days=30$/);
    await page.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="flow-total"] strong')?.textContent?.trim() ===
        expected,
      String(DEMO_TOTAL),
      { timeout: 20_000 },
    );
    expect(errors).toEqual([]);
  });

  it('maps feedback by journey stage and source, and opens the feedback explorer for a cell', async () => {
    await signIn(page, baseUrl, credentials);
    await page.getByRole('link', { name: /Experience map/ }).click();
    await page.waitForURL(/\/experience$/);
    await page.getByRole('heading', { level: 1, name: 'Experience map' }).waitFor();
    const map = page.getByTestId('experience-map');
    await map.waitFor({ timeout: 20_000 });
    expect(await map.locator('thead th').allInnerTexts()).toEqual([
      'Source',
      'Discover',
      'Buy',
      'Onboard',
      'Use',
      'Support',
      'Renew',
      'Leave',
    ]);
    const cells = map.locator('a.cell');
    const volumes = (await cells.locator('.volume').allInnerTexts()).map(Number);
    expect(volumes.reduce((a, b) => a + b, 0)).toBe(DEMO_TOTAL);
    const sourceName = DEMO_SOURCE_LABEL;
    const row = map
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: sourceName }) });
    const cell = row.locator('a.cell').first();
    const label = (await cell.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
    expect(label).toMatch(
      new RegExp(`^${sourceName}, [a-z]+: \\d+ feedback, mean sentiment [+-]?\\d\\.\\d\\d$`),
    );
    const stage = label.split(', ')[1]?.split(':')[0] ?? '';
    await checkPage(page, 'experience-map');

    await cell.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(
      new RegExp(
        `/feedback\\?source=${DEMO_SOURCE.toUpperCase()}&journeyStage=${stage.toUpperCase()}&occurredFrom=`,
      ),
    );
    await page.getByRole('heading', { level: 1, name: 'Feedback' }).waitFor();
    await checkPage(page, 'experience-map-to-feedback');
    expect(errors).toEqual([]);
  });

  /** Calls the API as the given bearer (a session token or an API key). */
  const api = async <T>(query: string, variables: Record<string, unknown>, bearer?: string) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (!body.data) throw new Error(`API call failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };

  it('refreshes by itself when new feedback arrives, without reloading the page', async () => {
    const { signIn: session } = await api<{ signIn: { token: string } }>(
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
      { e: credentials.email, p: credentials.password },
    );
    const { createApiKey } = await api<{ createApiKey: { key: string; apiKey: { id: string } } }>(
      'mutation { createApiKey(name: "overview e2e live", scopes: [SURVEY]) { key apiKey { id } } }',
      {},
      session.token,
    );
    const externalId = `overview-live-${Date.now()}`;
    try {
      await signIn(page, baseUrl, credentials);
      await page.goto(`${baseUrl}/overview?days=30`);
      const total = page.getByTestId('flow-total').locator('strong');
      await total.waitFor({ timeout: 20_000 });
      expect(await total.innerText()).toBe(String(DEMO_TOTAL));
      await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
      // Give the live connection a moment to open before the event it should hear.
      await page.waitForTimeout(1_000);

      await api(
        'mutation($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { eventKey } }',
        {
          input: {
            externalId,
            occurredAt: new Date().toISOString(),
            customerEmail: `${externalId}@example.com`,
            surveyId: 'overview-e2e',
            metric: 'NPS',
            score: 9,
            comment: 'The overview check: quick and clear.',
          },
        },
        createApiKey.key,
      );
      await page.waitForFunction(
        (expected) =>
          document.querySelector('[data-testid="flow-total"] strong')?.textContent?.trim() ===
          expected,
        String(DEMO_TOTAL + 1),
        { timeout: 30_000 },
      );
      expect(
        await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere),
      ).toBe(true);
      await checkPage(page, 'overview-live');
      expect(errors).toEqual([]);
    } finally {
      // Leave the demo data as it was for the other tests: the customer erased with their feedback.
      const found = await api<{ feedbackByEventKey: { customer: { id: string } | null } | null }>(
        'query($k: String!) { feedbackByEventKey(eventKey: $k) { customer { id } } }',
        { k: `survey:${externalId}` },
        session.token,
      );
      const customerId = found.feedbackByEventKey?.customer?.id;
      if (customerId) {
        await api(
          'mutation($id: ID!) { eraseCustomer(id: $id) { erasedAt } }',
          { id: customerId },
          session.token,
        );
      }
      await api(
        'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
        { id: createApiKey.apiKey.id },
        session.token,
      );
    }
  });
});
