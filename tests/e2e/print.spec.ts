import { expect, type Page, test } from './fixtures.ts';

/**
 * Printing a page (print media, as Ctrl+P and `page.pdf` lay it out): content only, nothing cut at the right edge.
 * The viewport is the width of an A4 sheet's text column at 96 dpi (210 mm − 2 × 14 mm ≈ 690 px).
 */
test.use({ viewport: { width: 690, height: 1000 } });

/** Elements wider than their box: the page itself and every code block. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const blocks = [...document.querySelectorAll('pre')].filter((pre) => pre.scrollWidth > pre.clientWidth + 1);
    return { page: root.scrollWidth > root.clientWidth + 1, pres: blocks.map((pre) => pre.textContent?.slice(0, 60)) };
  });
}

// The longest command of the seed content, and a JSON patch that is one 100-character word with no space to break at.
for (const path of ['/runbooks/accubooks/high-api-latency/', '/runbooks/architect-api/ddos-attack/']) {
  test(`${path}: long commands wrap in print instead of running off the page`, async ({ page }, testInfo) => {
    await page.goto(path);
    // On screen they scroll sideways: without the print styles this test would fail.
    expect((await overflowing(page)).pres.length).toBeGreaterThan(0);

    await page.emulateMedia({ media: 'print' });
    expect(await overflowing(page)).toEqual({ page: false, pres: [] });
    await testInfo.attach('print', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  });
}

test('interface is hidden in print, content and facts are not', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/runbooks/architect-api/api-down/');
  const ui = [
    page.getByRole('banner'),
    page.getByRole('searchbox', { name: 'Search' }),
    page.getByRole('combobox', { name: 'Environment' }),
    page.getByRole('button', { name: /^Copy/ }).first(),
    page.getByRole('heading', { name: 'Fill in' }),
    page.getByRole('navigation', { name: 'On this page' }).first(),
  ];
  for (const element of ui) await expect(element).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  for (const element of ui) await expect(element).toBeHidden();
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('figure.command-block').first()).toBeVisible();
});

test('severity and response time read in black and white: the word, in a bordered box', async ({ page }) => {
  await page.goto('/runbooks/architect-api/api-down/');
  await page.emulateMedia({ media: 'print' });
  const badge = page.locator('.runbook-header .badge[data-severity]');
  await expect(badge).toHaveText('critical');
  const style = await badge.evaluate((element) => {
    const computed = getComputedStyle(element);
    return { color: computed.color, background: computed.backgroundColor, border: computed.borderTopWidth, borderStyle: computed.borderTopStyle };
  });
  expect(style.color).toBe('rgb(0, 0, 0)');
  expect(style.background).toMatch(/^rgba\(0, 0, 0, 0\)$|^rgb\(255, 255, 255\)$/);
  expect(style.borderStyle).toBe('solid');
  expect(Number.parseFloat(style.border)).toBeGreaterThanOrEqual(1);
  await expect(page.locator('.runbook-header dd[data-fact="response"]')).toBeVisible();
});

test('external links show where they go; links within the site do not', async ({ page }) => {
  await page.goto('/runbooks/architect-api/contacts/');
  await page.emulateMedia({ media: 'print' });
  const after = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((link) => getComputedStyle(link, '::after').content);
  const external = page.locator('main a[href^="http"]').first();
  const href = await external.getAttribute('href');
  expect(await after('main a[href^="http"]')).toBe(`" <${href}>"`);
  expect(await after('main a[href^="/"]')).toBe('none');
});
