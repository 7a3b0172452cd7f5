import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  checkPage,
  collectErrors,
  launchChromium,
  requireBaseUrl,
  requireCredentials,
  type Credentials,
} from './support/browser';

/**
 * The CX lead's main journey through the loop, in one browser session and only through what the
 * portal shows: sign in → loop overview → the biggest theme → an action made from it → shipped →
 * announced → its notices delivered, and the overview counting it.
 */
describe('the main journey: from the loop overview to customers told', () => {
  let baseUrl: string;
  let credentials: Credentials;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    baseUrl = await requireBaseUrl();
    credentials = requireCredentials();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    page = await context.newPage();
    errors = collectErrors(page);
  });

  /** The count in the overview's flow table for a step (`Told`, …), summed over its rows. */
  const flowCount = async (step: string): Promise<number> => {
    const rows = await page
      .locator('table[aria-label="Feedback at each step of the loop"] tbody tr')
      .evaluateAll((trs) =>
        trs.map((r) =>
          Array.from(r.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim()),
        ),
      );
    return rows
      .filter((cells) => cells[0] === step)
      .reduce((sum, cells) => sum + Number((cells[2] ?? '0').replace(/[^0-9]/g, '')), 0);
  };

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('signs in, opens a theme from the overview, acts on it, ships, announces and sees the notices delivered', async () => {
    // Sign in from a cold start: the portal lands on the loop overview.
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Email').fill(credentials.email);
    await page.getByLabel('Password').fill(credentials.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/overview$/);
    await page.getByRole('heading', { level: 1, name: 'Loop overview' }).waitFor();
    await page.getByTestId('flow-total').waitFor({ timeout: 20_000 });
    const toldBefore = await flowCount('Told');
    await checkPage(page, 'journey-1-overview');

    // The themes, biggest first; open the biggest that no action answers yet (the demo's own
    // announced action has told its customers today, and a customer gets one email a day).
    await page
      .getByRole('link', { name: /Themes/ })
      .first()
      .click();
    await page.waitForURL(/\/themes$/);
    const links = page.locator('table[aria-label="Themes"] tbody tr td:first-child a');
    await links.first().waitFor();
    const labels = await links.allInnerTexts();
    let themeLabel = '';
    for (const label of labels) {
      await page.getByRole('link', { name: label.trim(), exact: true }).first().click();
      await page.waitForURL(/\/themes\/[^/]+$/);
      await page.getByTestId('theme-label').waitFor();
      if ((await page.getByTestId('theme-actions').innerText()).includes('No action answers')) {
        themeLabel = label.trim();
        break;
      }
      await page.goBack();
      await links.first().waitFor();
    }
    expect(themeLabel).not.toBe('');
    expect(await page.getByTestId('theme-label').innerText()).toBe(themeLabel);
    await checkPage(page, 'journey-2-theme');

    // An action answering it.
    const title = `Journey fix ${randomBytes(3).toString('hex')}`;
    await page.getByRole('button', { name: 'Create action' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByRole('button', { name: 'Create action' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('theme-actions').getByRole('link', { name: title }).click();
    await page.waitForURL(/\/actions\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.getByRole('link', { name: themeLabel }).count()).toBeGreaterThan(0);

    // Along its lifecycle to shipped, one legal move at a time.
    for (const move of ['Move to Planned', 'Move to In progress', 'Mark as Shipped']) {
      await page
        .getByRole('group', { name: 'Change status' })
        .getByRole('button', { name: move })
        .click();
      await page
        .getByRole('group', { name: 'Change status' })
        .getByRole('button', { name: move })
        .waitFor({ state: 'detached' });
    }
    await page.getByRole('button', { name: 'Announce to customers…' }).waitFor();
    // Shipped: the impact of the change is measured from today, before against after.
    await page.getByTestId('impact-window').waitFor();
    expect(await page.getByTestId('impact-window').innerText()).toMatch(
      /weeks before and after the ship on \d{4}-\d{2}-\d{2}/,
    );
    expect(
      await page.locator('table[aria-label="Impact before and after the ship"] tbody tr').count(),
    ).toBe(4);
    // The team discusses it; what they write is shown as text.
    const note = `Shipped <b>behind a flag</b> ${randomBytes(2).toString('hex')}`;
    await page.getByRole('textbox', { name: 'Comment' }).fill(note);
    await page.getByRole('button', { name: 'Add comment' }).click();
    const comment = page.getByTestId('action-comment').filter({ hasText: note });
    await comment.waitFor();
    expect(await comment.locator('b').count()).toBe(0);
    await checkPage(page, 'journey-3-shipped');

    // Announce: the audience (the theme's customers, worked out by the API) and a preview of one
    // customer's email first, then send, then watch delivery.
    const size = page.getByTestId('audience-size');
    await size.waitFor();
    expect(await size.innerText()).toMatch(/^\d+ customers?$/);
    expect(await page.getByRole('region', { name: 'Preview' }).innerText()).toContain('Subject:');
    await page.getByRole('button', { name: 'Announce to customers…' }).click();
    await page.getByRole('button', { name: 'Send announcement' }).click();
    await page.getByTestId('delivery-progress').waitFor();
    await page.waitForFunction(
      () =>
        /^All \d+ delivered/.test(
          document.querySelector('[data-testid="delivery-state"]')?.textContent?.trim() ?? '',
        ),
      undefined,
      { timeout: 30_000 },
    );
    const delivered = Number(await page.getByTestId('count-delivered').innerText());
    expect(delivered).toBeGreaterThan(0);
    await checkPage(page, 'journey-4-delivered');

    // Back on the overview, the flow counts customers told.
    await page
      .getByRole('link', { name: /Overview/ })
      .first()
      .click();
    await page.waitForURL(/\/overview/);
    await page.getByTestId('flow-total').waitFor({ timeout: 20_000 });
    // The flow's table (folded under the chart) has the same figures; told has grown.
    await page
      .locator('table[aria-label="Feedback at each step of the loop"] tbody tr')
      .first()
      .waitFor({ state: 'attached' });
    expect(await flowCount('Told')).toBeGreaterThan(toldBefore);
    expect(errors).toEqual([]);
  });
});
