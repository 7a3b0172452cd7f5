import {
  XSS_ELEMENT_SELECTOR,
  XSS_MARKER_INIT_SCRIPT,
  XSS_PAYLOADS,
  type XssPayload,
} from '@closedloop/testing-hostile-input';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  collectErrors,
  launchChromium,
  requireBaseUrl,
  requireCredentials,
  screenshot,
  signIn,
  type Credentials,
} from './support/browser';

/**
 * Stored cross-site scripting, in a real browser: the payload corpus goes in through the public
 * API (an integrator's key) as feedback text, customer names, handles, teams and metadata, and
 * through the portal's own API as theme names, an action's title, description and comments.
 * Then every page that shows that text is opened, and the charts' tooltips are hovered. Each
 * payload, had it run, would have called `__xss(n)` (recorded by a script the browser runs first)
 * or left an element `#xss-n`: neither may happen, and the text must read as written.
 */
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Payloads as theme names, shown in the overview's flow chart tooltip (HTML) among other places. */
const THEME_PAYLOADS = [2, 8, 26, 33, 18].map((n) => XSS_PAYLOADS[n - 1] as XssPayload);

interface Marked {
  /** `__xss(n)` calls that ran. */
  fired: number[];
  /** Inline scripts or handlers the page's Content-Security-Policy stopped. */
  blocked: string[];
  /** Elements a payload left (`#xss-n`). */
  injected: string[];
  dialogs: string[];
}

describe('stored cross-site scripting in the portal', () => {
  const run = randomUUID().slice(0, 8);
  let baseUrl: string;
  let credentials: Credentials;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let dialogs: string[];
  let session = '';
  const feedbackIds = new Map<number, string>();
  const customerIds = new Map<number, string>();
  const themeIds: string[] = [];
  let actionId = '';

  async function gql<T>(query: string, variables: Record<string, unknown>, bearer = session) {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length || !body.data)
      throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  const events = (payload: XssPayload) => {
    const { n, text } = payload;
    const occurredAt = new Date(Date.now() - n * 60_000).toISOString();
    const short = text.slice(0, 100);
    return [
      {
        survey: {
          externalId: `xss-${run}-${n}`,
          occurredAt,
          customerEmail: `xss-${n}-${run}@example.com`,
          customerName: text,
          customerExternalId: text,
          surveyId: text,
          metric: 'NPS',
          score: n % 11,
          comment: text,
          touchpoint: text,
          metadata: [{ key: short, value: text }],
        },
      },
      {
        social: {
          externalId: `xss-social-${run}-${n}`,
          occurredAt,
          platform: 'OTHER',
          authorHandle: short,
          text,
          followers: n,
          isPublic: true,
          customerEmail: `xss-social-${n}-${run}@example.com`,
          customerName: text,
        },
      },
      {
        crm: {
          externalId: `xss-crm-${run}-${n}`,
          occurredAt,
          kind: 'SUPPORT_TICKET',
          accountId: text,
          contactId: `xss-contact-${run}-${n}`,
          subject: text,
          text,
          customerName: text,
          segment: short,
          plan: short,
          customerEmail: `xss-crm-${n}-${run}@example.com`,
        },
      },
      {
        staff: {
          externalId: `xss-staff-${run}-${n}`,
          occurredAt,
          employeeId: text,
          team: text,
          observation: text,
          customerName: text,
          customerExternalId: `xss-staff-customer-${run}-${n}`,
        },
      },
    ];
  };

  beforeAll(async () => {
    baseUrl = await requireBaseUrl();
    credentials = requireCredentials();
    session = (
      await gql<{ signIn: { token: string } }>(
        'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
        { e: credentials.email, p: credentials.password },
        '',
      )
    ).signIn.token;
    const { createApiKey } = await gql<{ createApiKey: { key: string } }>(
      'mutation($n: String!) { createApiKey(name: $n, scopes: [SURVEY, SOCIAL, CRM, STAFF]) { key } }',
      { n: `stored xss e2e ${run}` },
    );
    const { submitFeedbackBatch } = await gql<{
      submitFeedbackBatch: { accepted: number; results: { status: string; reason: string }[] };
    }>(
      'mutation($e: [FeedbackEventInput!]!) { submitFeedbackBatch(events: $e) { accepted results { status field reason } } }',
      { e: XSS_PAYLOADS.flatMap(events) },
      createApiKey.key,
    );
    expect(submitFeedbackBatch.results.filter((r) => r.status !== 'ACCEPTED')).toEqual([]);

    // Every item stored; themed where the engine themes it (it may leave a few out), within a minute.
    const deadline = Date.now() + 60_000;
    for (const payload of XSS_PAYLOADS) {
      for (;;) {
        const { feedbackByEventKey: found } = await gql<{
          feedbackByEventKey: {
            id: string;
            themeId: string | null;
            customer: { id: string };
          } | null;
        }>(
          'query($k: String!) { feedbackByEventKey(eventKey: $k) { id themeId customer { id } } }',
          { k: `survey:xss-${run}-${payload.n}` },
        );
        if (found && (found.themeId || Date.now() > deadline)) {
          feedbackIds.set(payload.n, found.id);
          customerIds.set(payload.n, found.customer.id);
          if (found.themeId && !themeIds.includes(found.themeId)) themeIds.push(found.themeId);
          break;
        }
        if (!found && Date.now() > deadline)
          throw new Error(`survey:xss-${run}-${payload.n} was not stored`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    expect(themeIds.length).toBeGreaterThan(0);

    // The biggest themes (those the overview's flow chart shows) renamed to payloads.
    const { themes } = await gql<{ themes: { edges: { node: { id: string } }[] } }>(
      '{ themes(first: 5, sort: VOLUME) { edges { node { id } } } }',
      {},
    );
    const biggest = themes.edges.map((e) => e.node.id);
    for (const [i, id] of biggest.entries()) {
      const payload = THEME_PAYLOADS[i];
      if (!payload) break;
      await gql('mutation($id: ID!, $l: String!) { renameTheme(id: $id, label: $l) { id } }', {
        id,
        l: payload.text,
      });
      if (!themeIds.includes(id)) themeIds.push(id);
    }

    // An action with a payload for its title and description, answering a renamed theme and the
    // payloads' feedback, with every payload as a comment, shipped so it can be announced.
    const title = XSS_PAYLOADS[0] as XssPayload;
    const { createAction } = await gql<{ createAction: { id: string } }>(
      'mutation($i: CreateActionInput!) { createAction(input: $i) { id } }',
      {
        i: {
          title: title.text,
          description: XSS_PAYLOADS.map((p) => p.text).join('\n'),
          themeIds: biggest.slice(0, 1),
          feedbackIds: [...feedbackIds.values()],
        },
      },
    );
    actionId = createAction.id;
    for (const payload of XSS_PAYLOADS) {
      await gql(
        'mutation($a: ID!, $b: String!) { addActionComment(actionId: $a, body: $b) { id } }',
        {
          a: actionId,
          b: payload.text,
        },
      );
    }
    for (const status of ['PLANNED', 'IN_PROGRESS', 'SHIPPED']) {
      await gql('mutation($i: ChangeActionStatusInput!) { changeActionStatus(input: $i) { id } }', {
        i: { actionId, status },
      });
    }
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await context.addInitScript(XSS_MARKER_INIT_SCRIPT);
    page = await context.newPage();
    errors = collectErrors(page);
    dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(page, baseUrl, credentials);
  });

  afterEach(async () => {
    await context?.close();
  });

  /** What ran or was injected on the page so far (after a moment for handlers to fire). */
  async function marks(): Promise<Marked> {
    await page.waitForTimeout(300);
    const { fired, blocked } = await page.evaluate(() => {
      const w = window as unknown as { __xssFired?: number[]; __xssBlocked?: string[] };
      return { fired: w.__xssFired ?? [], blocked: w.__xssBlocked ?? [] };
    });
    const injected = await page
      .locator(XSS_ELEMENT_SELECTOR)
      .evaluateAll((els) => els.map((e) => `${e.tagName.toLowerCase()}#${e.id}`));
    return { fired, blocked, injected, dialogs: [...dialogs] };
  }

  const clean: Marked = { fired: [], blocked: [], injected: [], dialogs: [] };

  /** Opens a page, waits for what shows the text, and checks that nothing ran. */
  async function visit(path: string, ready: string, name: string): Promise<string> {
    await page.goto(`${baseUrl}${path}`);
    await page.locator(ready).first().waitFor({ timeout: 20_000 });
    // Let lazy parts (charts, polls) arrive.
    await page.waitForLoadState('networkidle').catch(() => undefined);
    expect({ page: name, ...(await marks()) }).toEqual({ page: name, ...clean });
    return collapse(await page.locator('main').innerText());
  }

  it('marks a payload that becomes markup (the check can fail)', async () => {
    await page.goto(`${baseUrl}/overview`);
    await page.evaluate(
      (html) => {
        const div = document.createElement('div');
        div.innerHTML = html;
        document.body.append(div);
      },
      (XSS_PAYLOADS[1] as XssPayload).text,
    );
    const seen = await marks();
    expect(seen.injected).toEqual(['img#xss-2']);
    // The portal's Content-Security-Policy (script-src 'self') stops the inline handler: a
    // second wall behind the escaping, and itself a sign of injected markup.
    expect(seen.fired).toEqual([]);
    expect(seen.blocked.length).toBeGreaterThan(0);
    errors.splice(0); // the CSP report on the console is this test's doing
  });

  it('shows every payload as text on its feedback item page, and runs none', async () => {
    for (const payload of XSS_PAYLOADS) {
      const id = feedbackIds.get(payload.n);
      const text = await visit(`/feedback/${id}`, 'main h1', `feedback ${payload.n}`);
      expect(text).toContain(collapse(payload.text));
    }
    await screenshot(page, 'stored-xss-feedback-item');
    expect(errors).toEqual([]);
  });

  it('runs none in the feedback explorer, per source and searched', async () => {
    for (const source of ['', '?source=SURVEY', '?source=SOCIAL', '?source=CRM', '?source=STAFF']) {
      await visit(`/feedback${source}`, 'main table tbody tr', `explorer ${source}`);
    }
    const text = await visit(
      `/feedback?search=${encodeURIComponent('xss')}`,
      'main',
      'explorer search',
    );
    expect(text.length).toBeGreaterThan(0);
    await screenshot(page, 'stored-xss-explorer');
    expect(errors).toEqual([]);
  });

  it('shows renamed themes and quoted payloads as text on the themes list and theme pages', async () => {
    const list = await visit('/themes', 'table[aria-label="Themes"] tbody tr', 'themes');
    for (const payload of THEME_PAYLOADS) expect(list).toContain(collapse(payload.text));
    for (const id of themeIds)
      await visit(`/themes/${id}`, '[data-testid="theme-label"]', `theme ${id}`);
    await screenshot(page, 'stored-xss-theme');
    expect(errors).toEqual([]);
  });

  it('shows payload names as text on customer pages and the customer list', async () => {
    await visit('/customers', 'main table tbody tr', 'customers');
    for (const payload of XSS_PAYLOADS) {
      const text = await visit(
        `/customers/${customerIds.get(payload.n)}`,
        'main h1',
        `customer ${payload.n}`,
      );
      expect(text).toContain(collapse(payload.text));
    }
    expect(errors).toEqual([]);
  });

  it('runs none on the overview, with every chart tooltip hovered, nor on the experience map', async () => {
    await visit('/overview?days=30', '[data-testid="flow-total"]', 'overview');
    const tooltips = new Set<string>();
    const injectedOnHover: string[] = [];
    for (const chart of await page.locator('cl-chart').all()) {
      await chart.scrollIntoViewIfNeeded();
      // Each node and link of the flow, each bar and point of the trends: its tooltip shown.
      const targets = await chart.locator('svg path').evaluateAll((paths) =>
        paths
          .map((p) => p.getBoundingClientRect())
          .filter((r) => r.width > 0 && r.height > 0)
          .map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 })),
      );
      for (const { x, y } of targets) {
        await page.mouse.move(x, y);
        const shown = await chart.evaluate((el) => {
          const tips = Array.from(el.querySelectorAll('div')).filter(
            (d) => d.style.zIndex === '9999999',
          );
          return {
            texts: tips.map((d) => d.textContent ?? ''),
            injected: tips.flatMap((d) =>
              Array.from(d.querySelectorAll('[id^="xss-"]')).map((e) => e.id),
            ),
          };
        });
        for (const t of shown.texts) if (t.trim()) tooltips.add(collapse(t));
        injectedOnHover.push(...shown.injected);
      }
      await page.mouse.move(0, 0);
    }
    await screenshot(page, 'stored-xss-overview');
    expect({ page: 'overview tooltips', ...(await marks()), injectedOnHover }).toEqual({
      page: 'overview tooltips',
      ...clean,
      injectedOnHover: [],
    });
    // The flow chart's tooltips named the renamed themes it shows, as text.
    expect(tooltips.size).toBeGreaterThan(0);
    const named = THEME_PAYLOADS.filter((p) =>
      [...tooltips].some((t) => t.includes(collapse(p.text))),
    );
    expect(named.length).toBeGreaterThan(0);

    await visit('/experience', '[data-testid="experience-map"]', 'experience map');
    expect(errors).toEqual([]);
  });

  it('shows the action’s payloads as text: title, description, comments, announcement preview', async () => {
    await visit('/actions', 'main', 'action board');
    const text = await visit(`/actions/${actionId}`, '[data-testid="action-comment"]', 'action');
    for (const payload of XSS_PAYLOADS) expect(text).toContain(collapse(payload.text));
    // The announcement form: payloads typed as subject and body, previewed for a customer.
    await page.getByRole('button', { name: 'Announce to customers…' }).waitFor();
    const subject = page.getByLabel('Subject');
    const body = page.getByLabel('Body');
    if ((await subject.count()) > 0 && (await body.count()) > 0) {
      await subject.first().fill(`{{change}} ${(XSS_PAYLOADS[10] as XssPayload).text}`);
      await body
        .first()
        .fill(XSS_PAYLOADS.map((p) => p.text).join('\n\n') + '\n\n{{quote}} {{firstName}}');
    }
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.waitFor();
    await page.waitForTimeout(1_500);
    expect({ page: 'announce preview', ...(await marks()) }).toEqual({
      page: 'announce preview',
      ...clean,
    });
    await screenshot(page, 'stored-xss-action');
    expect(errors).toEqual([]);
  });
});
