import { randomBytes } from 'node:crypto';
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

/**
 * The themes list and theme page against the embedded demo. Themes are found through the API by
 * the demo's comments (the engine names them), and the edits touch only themes no demo action
 * answers, so the other specs' expectations hold whatever order the suites run in.
 */
const PRAISE = 'Returning an item was easy, label printed in seconds.';
const COMPLAINT = 'Hard to find where to change my delivery address.';
const MOVED = 'Support sorted my refund in ten minutes. Brilliant people.';
const KEPT = 'The chat agent was patient and actually fixed my problem.';
const NOISE = 'Delivery was late and nobody told me why.';

interface ThemeNode {
  id: string;
  label: string;
}

describe('themes in a browser', () => {
  let baseUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let credentials: Credentials;
  let token: string;

  async function gql<T>(query: string, variables: Record<string, unknown> = {}, bearer = token) {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data as T;
  }

  /** The theme a demo comment is in now. */
  async function themeOf(comment: string): Promise<ThemeNode> {
    const data = await gql<{
      feedbackItems: { edges: { node: { text: string; themeId: string | null } }[] };
    }>(
      'query($s: String) { feedbackItems(first: 20, filter: { search: $s }) { edges { node { text themeId } } } }',
      {
        s: `"${comment.replace(/[.,]/g, '')}"`,
      },
    );
    const themeId = data.feedbackItems.edges.find((e) => e.node.text === comment)?.node.themeId;
    if (!themeId) throw new Error(`the demo comment “${comment}” is in no theme`);
    const theme = await gql<{ theme: ThemeNode }>(
      'query($id: ID!) { theme(id: $id) { id label } }',
      {
        id: themeId,
      },
    );
    return theme.theme;
  }

  /** Waits until the picker's search has narrowed its choices to the one theme. */
  async function onlyChoice(label: string): Promise<void> {
    await page.waitForFunction((l) => {
      const radios = document.querySelectorAll('mat-dialog-container mat-radio-button');
      return radios.length === 1 && (radios[0]?.textContent ?? '').includes(l);
    }, label);
  }

  async function listedLabels(): Promise<string[]> {
    return page.locator('table[aria-label="Themes"] tbody tr td:first-child a').allInnerTexts();
  }

  async function apiOrder(sort: string, search: string | null = null): Promise<string[]> {
    const data = await gql<{ themes: { edges: { node: ThemeNode }[] } }>(
      'query($sort: ThemeSort!, $search: String) { themes(first: 25, sort: $sort, filter: { search: $search }) { edges { node { id label } } } }',
      { sort, search },
    );
    return data.themes.edges.map((e) => e.node.label);
  }

  beforeAll(async () => {
    baseUrl = await requireBaseUrl();
    credentials = requireCredentials();
    const signedIn = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
        variables: { e: credentials.email, p: credentials.password },
      }),
    });
    token = ((await signedIn.json()) as { data: { signIn: { token: string } } }).data.signIn.token;
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
    expect(errors).toEqual([]);
  });

  it('lists the demo themes with sparklines; search narrows the list and sort changes its order, both in the URL', async () => {
    await signIn(page, baseUrl, credentials);
    await page
      .getByRole('link', { name: /Themes/ })
      .first()
      .click();
    await page.waitForURL(/\/themes$/);
    await page.getByRole('heading', { level: 1, name: 'Themes' }).waitFor();
    const rows = page.locator('table[aria-label="Themes"] tbody tr');
    await rows.first().waitFor();
    const byVolume = await apiOrder('VOLUME');
    expect(byVolume.length).toBeGreaterThan(2);
    expect(await listedLabels()).toEqual(byVolume);
    // Each row has its 30-day line, named for screen readers.
    expect(await page.locator('cl-sparkline svg[role="img"]').count()).toBe(byVolume.length);
    expect(
      await page.locator('cl-sparkline svg polyline.line').first().getAttribute('points'),
    ).toMatch(/^[\d.]+,[\d.]+( [\d.]+,[\d.]+){29}$/);
    expect(await page.locator('cl-source-mix').first().innerText()).toMatch(/Survey \d+/);
    await checkPage(page, 'themes-list');

    await page.getByLabel('Sort by').click();
    await page.getByRole('option', { name: 'Newest feedback' }).click();
    await page.waitForURL(/sort=RECENT/);
    const byRecent = await apiOrder('RECENT');
    expect(byRecent).not.toEqual(byVolume);
    await page.waitForFunction(
      (first) =>
        document
          .querySelector('table[aria-label="Themes"] tbody tr td:first-child a')
          ?.textContent?.trim() === first,
      byRecent[0],
    );
    expect(await listedLabels()).toEqual(byRecent);
    await checkPage(page, 'themes-list-recent');

    const complaintTheme = await themeOf(COMPLAINT);
    const word = complaintTheme.label.split(' ')[0] ?? '';
    await page.getByLabel('Search themes').fill(word);
    await page.waitForURL(new RegExp(`search=${word}`));
    const searched = await apiOrder('RECENT', word);
    expect(searched.length).toBeLessThan(byRecent.length);
    await page.waitForFunction(
      (n) => document.querySelectorAll('table[aria-label="Themes"] tbody tr').length === n,
      searched.length,
    );
    expect(await listedLabels()).toEqual(searched);
    await checkPage(page, 'themes-list-search');

    // The URL alone brings the same list back.
    await page.goto(`${baseUrl}/themes?search=zzznothing&sort=RECENT`);
    await page.getByTestId('themes-empty').waitFor();
    expect(await page.getByTestId('themes-empty').innerText()).toContain('No themes match');
    await checkPage(page, 'themes-list-empty');
  });

  it('shows a theme: complaints and praise, why each item is here, its trend, breakdowns, actions and lineage', async () => {
    await signIn(page, baseUrl, credentials);
    const complaints = await themeOf(COMPLAINT);
    await page.goto(`${baseUrl}/themes/${encodeURIComponent(complaints.id)}`);
    await page.getByTestId('theme-label').waitFor();
    expect(await page.getByTestId('theme-label').innerText()).toBe(complaints.label);
    expect(await page.getByTestId('negative-quotes').innerText()).toContain(COMPLAINT);
    expect(await page.getByTestId('positive-quotes').innerText()).toContain('No positive feedback');
    const why = page.getByTestId('why-in-theme');
    expect(await why.count()).toBeGreaterThan(0);
    expect(await why.first().innerText()).toMatch(
      /Why here: (Matched|Opened) .*similarity \d\.\d\d/,
    );
    await page.locator('[data-testid="theme-trend"] svg').first().waitFor();
    expect(await page.getByRole('heading', { name: 'By source' }).count()).toBe(1);
    // The demo's action about the delivery address answers this theme.
    const actions = page.getByTestId('theme-actions');
    expect(await actions.innerText()).toContain('Make the delivery address easier to change');
    // Lineage as the API has it: the engine's consolidation may have merged others into it.
    const { theme: lineage } = await gql<{ theme: { mergedFrom: ThemeNode[] } }>(
      'query($id: ID!) { theme(id: $id) { mergedFrom { id label } } }',
      { id: complaints.id },
    );
    if (lineage.mergedFrom.length > 0) {
      const text = await page.getByTestId('lineage').innerText();
      for (const from of lineage.mergedFrom) expect(text).toContain(`Merged from ${from.label}`);
    } else {
      expect(await page.getByTestId('lineage').count()).toBe(0);
    }
    await checkPage(page, 'theme-page-complaints');

    const praise = await themeOf(PRAISE);
    await page.goto(`${baseUrl}/themes/${encodeURIComponent(praise.id)}`);
    await page.getByTestId('theme-label').waitFor();
    expect(await page.getByTestId('positive-quotes').innerText()).toContain(PRAISE);
    expect(await page.getByTestId('negative-quotes').innerText()).toContain('No negative feedback');
    await checkPage(page, 'theme-page-praise');
  });

  it('lets a CX lead rename, pin, move an item, split and merge, and shows each change afterwards', async () => {
    await signIn(page, baseUrl, credentials);
    const praise = await themeOf(PRAISE);
    await page.goto(`${baseUrl}/themes/${encodeURIComponent(praise.id)}`);
    await page.getByTestId('theme-label').waitFor();

    // Rename.
    const newLabel = `Easy returns ${randomBytes(3).toString('hex')}`;
    await page.getByRole('button', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog');
    await rename.getByLabel('Theme name').fill(newLabel);
    await checkPage(page, 'theme-rename-dialog');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await page.waitForFunction(
      (label) =>
        document.querySelector('[data-testid="theme-label"]')?.textContent?.trim() === label,
      newLabel,
    );
    expect(await page.locator('.page-header .subtitle').innerText()).toContain('named by a person');

    // Pin, then unpin.
    await page.getByRole('button', { name: 'Pin', exact: true }).click();
    await page.getByTestId('theme-pinned').waitFor();
    await checkPage(page, 'theme-pinned');
    await page.getByRole('button', { name: 'Unpin' }).click();
    await page.getByTestId('theme-pinned').waitFor({ state: 'detached' });
    await page.goto(`${baseUrl}/themes?search=${encodeURIComponent(newLabel)}`);
    await page.getByRole('link', { name: newLabel }).waitFor();

    // Move an item from one theme into the renamed one, picking the target by search.
    const source = await themeOf(MOVED);
    await page.goto(`${baseUrl}/themes/${encodeURIComponent(source.id)}`);
    await page.getByTestId('theme-label').waitFor();
    await page.getByRole('checkbox', { name: `Choose: ${MOVED}` }).check();
    await page.getByRole('button', { name: 'Move to theme…' }).click();
    const picker = page.getByRole('dialog');
    await picker.getByLabel('Find a theme').fill(newLabel);
    await onlyChoice(newLabel);
    await picker.getByRole('radio', { name: new RegExp(newLabel) }).check();
    await checkPage(page, 'theme-move-dialog');
    await picker.getByRole('button', { name: 'Move' }).click();
    await picker.waitFor({ state: 'detached' });
    // The item leaves the page it was moved from, and is in the renamed theme.
    await page.getByRole('checkbox', { name: `Choose: ${MOVED}` }).waitFor({ state: 'detached' });
    expect((await themeOf(MOVED)).id).toBe(praise.id);

    // Split the moved item back out of the renamed theme into a new one.
    await page.goto(`${baseUrl}/themes/${encodeURIComponent(praise.id)}`);
    await page
      .getByTestId('theme-item')
      .filter({ hasText: MOVED })
      .getByText('Why here: Moved here by a person')
      .waitFor();
    await page.getByRole('checkbox', { name: `Choose: ${MOVED}` }).check();
    await page.getByRole('button', { name: 'Split into new theme' }).click();
    await checkPage(page, 'theme-split-confirm');
    await page.getByRole('dialog').getByRole('button', { name: 'Split' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(encodeURIComponent(praise.id)));
    await page.getByTestId('lineage').getByText(`Split from ${newLabel}`).waitFor();
    const split = await themeOf(MOVED);
    expect(split.id).not.toBe(praise.id);
    expect(decodeURIComponent(page.url())).toContain(split.id);
    expect(await page.getByTestId('why-in-theme').innerText()).toContain(
      'Split out into this theme by a person',
    );
    await checkPage(page, 'theme-split');

    // Merge the new theme into the renamed one: the page follows, naming where it came from.
    await page.getByRole('button', { name: 'Merge into…' }).click();
    const merge = page.getByRole('dialog');
    await merge.getByLabel('Find a theme').fill(newLabel);
    await onlyChoice(newLabel);
    await merge.getByRole('radio', { name: new RegExp(newLabel) }).check();
    await merge.getByRole('button', { name: 'Merge' }).click();
    await page.waitForURL((url) => decodeURIComponent(url.pathname).endsWith(praise.id));
    await page.getByTestId('lineage').waitFor();
    expect(await page.getByTestId('lineage').innerText()).toContain(`Merged from ${split.label}`);
    expect((await themeOf(MOVED)).id).toBe(praise.id);
    await checkPage(page, 'theme-merged');

    // The merged theme's own page says where it went.
    await page.goto(`${baseUrl}/themes/${encodeURIComponent(split.id)}`);
    await page.getByTestId('theme-status').waitFor();
    await page.getByTestId('lineage').getByText(`Merged into ${newLabel}`).waitFor();
    expect(await page.getByRole('button', { name: 'Rename' }).count()).toBe(0);
  });

  it('sets a theme aside as noise after asking, and lists it among the noise', async () => {
    await signIn(page, baseUrl, credentials);
    const late = await themeOf(NOISE);
    await page.goto(`${baseUrl}/themes/${encodeURIComponent(late.id)}`);
    await page.getByTestId('theme-label').waitFor();
    await page.getByRole('button', { name: 'Mark as noise' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('Set this theme aside as noise?').waitFor();
    await checkPage(page, 'theme-noise-confirm');
    await confirm.getByRole('button', { name: 'Mark as noise' }).click();
    await page.getByTestId('theme-status').getByText('Set aside as noise').waitFor();
    expect(await page.getByRole('button', { name: 'Rename' }).count()).toBe(0);
    await checkPage(page, 'theme-noise');
    await page.goto(`${baseUrl}/themes?status=NOISE`);
    await page.getByRole('link', { name: late.label }).waitFor();
  });

  it('creates an action from a theme and lists it there with its status', async () => {
    await signIn(page, baseUrl, credentials);
    const kept = await themeOf(KEPT);
    await page.goto(`${baseUrl}/themes/${encodeURIComponent(kept.id)}`);
    await page.getByTestId('theme-label').waitFor();
    expect(await page.getByTestId('theme-actions').innerText()).toContain('No action answers');
    const title = `Coach chat agents ${randomBytes(3).toString('hex')}`;
    await page.getByRole('button', { name: 'Create action' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByRole('button', { name: 'Create action' }).click();
    await dialog.waitFor({ state: 'detached' });
    const link = page.getByTestId('theme-actions').getByRole('link', { name: title });
    await link.waitFor();
    expect(await page.getByTestId('theme-actions').innerText()).toContain('Proposed');
    await checkPage(page, 'theme-with-action');
    await link.click();
    await page.waitForURL(/\/actions\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  });

  it('refreshes a theme page when the theme changes elsewhere', async () => {
    await signIn(page, baseUrl, credentials);
    const kept = await themeOf(KEPT);
    await page.goto(`${baseUrl}/themes/${encodeURIComponent(kept.id)}`);
    await page.getByTestId('theme-label').waitFor();
    const label = `Patient chat ${randomBytes(3).toString('hex')}`;
    // Give the live connection a moment to open, then rename through the API.
    await page.waitForTimeout(1000);
    await gql('mutation($id: ID!, $l: String!) { renameTheme(id: $id, label: $l) { id } }', {
      id: kept.id,
      l: label,
    });
    await page.waitForFunction(
      (l) => document.querySelector('[data-testid="theme-label"]')?.textContent?.trim() === l,
      label,
      { timeout: 15_000 },
    );
  });

  it('shows a viewer the theme without any control to change it', async () => {
    const viewer = {
      email: `viewer-${randomBytes(4).toString('hex')}@example.com`,
      password: randomBytes(12).toString('hex'),
    };
    await gql('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: viewer.email,
        name: 'Vera Viewer',
        password: viewer.password,
        role: 'VIEWER',
      },
    });
    await signIn(page, baseUrl, viewer);
    const praise = await themeOf(PRAISE);
    await page.goto(`${baseUrl}/themes/${encodeURIComponent(praise.id)}`);
    await page.getByTestId('theme-label').waitFor();
    await page.getByTestId('why-in-theme').first().waitFor();
    for (const name of [
      'Rename',
      'Pin',
      'Merge into…',
      'Split…',
      'Mark as noise',
      'Create action',
    ]) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    expect(await page.getByRole('checkbox').count()).toBe(0);
    await checkPage(page, 'theme-page-viewer');
  });
});
