import { expect, test } from './fixtures.ts';

/** One page of every kind the site has. */
const pageKinds = ['/', '/alerts/', '/severity/', '/runbooks/architect-api/api-down/', '/alerts/RedisDown/', '/alerts/NoSuchAlert/', '/book/'];

for (const path of pageKinds) {
  test(`${path} requests nothing from another origin and violates no CSP`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    const violations: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(request.url());
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(path);
    // Use what loads on demand too: the search and its index (the printable book has no search).
    if (path !== '/book/') {
      await page.getByRole('searchbox', { name: 'Search' }).fill('database');
      await expect(page.locator('[data-search-results] a').first()).toBeVisible();
    }
    await page.waitForLoadState('networkidle');
    expect(foreign).toEqual([]);
    expect(violations).toEqual([]);
    await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(1);
  });
}

test('no page has inline scripts or event-handler attributes', async ({ page }) => {
  for (const path of pageKinds) {
    await page.goto(path);
    const inline = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll('script:not([src]):not([type="application/json"])')].length,
      handlers: [...document.querySelectorAll('*')].flatMap((element) =>
        [...element.attributes].filter((attribute) => attribute.name.startsWith('on')).map((attribute) => attribute.name),
      ),
    }));
    expect(inline, path).toEqual({ scripts: 0, handlers: [] });
  }
});
