import AxeBuilder from '@axe-core/playwright';
import { readContent } from '../../src/node/read-content.ts';
import { expect, type Page, test } from './fixtures.ts';

const pages = readContent('content').pages;
/** Where an alert link lands: the runbook that handles the alert, with the alert marked (`/alerts/RedisDown/` → here). */
const alerted = pages.flatMap((page) => (page.data?.alerts[0] ? [`/runbooks/${page.slug}/?alert=${page.data.alerts[0]}`] : []))[0]!;

/** Every page the site lists: home, indexes, every runbook, one alert redirect target, the printable book and the 404 page. */
const paths = ['/', '/alerts/', '/severity/', '/404.html', alerted, '/book/', ...pages.map((page) => `/runbooks/${page.slug}/`)];

/** axe's violations on the page, each as its rule and the first three elements it found. */
async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map(
    (violation) =>
      `${violation.id}: ${violation.nodes
        .map((node) => node.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });
    for (const path of paths) {
      test(`axe finds no violations on ${path}`, async ({ page }) => {
        // The printable book is every runbook on one page: axe takes a minute over it on a busy machine.
        if (path === '/book/') test.setTimeout(180_000);
        await page.goto(path);
        expect(await violations(page)).toEqual([]);
      });
    }
    test(`axe finds no violations with the search panel open`, async ({ page }) => {
      await page.goto('/');
      await page.getByRole('searchbox', { name: 'Search' }).fill('redis');
      await expect(page.locator('[data-search-results] a').first()).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((violation) => violation.id)).toEqual([]);
    });
  });
}

/** On a phone the header, the facts box and the tables take another layout (tests/e2e/phone.spec.ts): axe checks it too. */
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`phone width, ${colorScheme} colour scheme`, () => {
    test.use({ colorScheme, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    for (const path of [alerted, '/alerts/']) {
      test(`axe finds no violations on ${path}`, async ({ page }) => {
        await page.goto(path);
        expect(await violations(page)).toEqual([]);
      });
    }
  });
}

test.describe('keyboard only', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
  test('from the home page: / to search, type an alert, Enter opens its runbook, Tab to Copy, Enter copies', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('/');
    await page.keyboard.type('DB_CPU_HIGH');
    await expect(page.locator('[data-search-results] a.search-result').first()).toHaveAttribute(
      'href',
      '/runbooks/co-platform/high-database-latency/?alert=DB_CPU_HIGH',
    );
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/runbooks\/co-platform\/high-database-latency\/\?alert=DB_CPU_HIGH$/);
    const firstCopy = page.getByRole('button', { name: /^Copy/ }).first();
    for (let presses = 0; presses < 40; presses++) {
      await page.keyboard.press('Tab');
      if (await firstCopy.evaluate((button) => button === document.activeElement)) break;
    }
    await expect(firstCopy).toBeFocused();
    // The block may hold placeholders nobody filled in yet: the copy asks first, and we say yes.
    page.on('dialog', (dialog) => void dialog.accept());
    await page.keyboard.press('Enter');
    await expect(firstCopy).toHaveText('Copied');
    // What a reader sees, line breaks included: that is what a copy must give.
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText, not the DOM property.
    const expected = await page.locator('figure.command-block').first().locator('code').innerText();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected.trimEnd());
  });
});
