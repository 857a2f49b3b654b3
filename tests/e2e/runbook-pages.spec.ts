import { formatDuration } from '../../src/lib/content/durations.ts';
import { severityLevel } from '../../src/lib/content/lookups.ts';
import { formatDate } from '../../src/lib/content/review.ts';
import { readContent } from '../../src/node/read-content.ts';
import { expect, test } from './fixtures.ts';

/** Every page of the seed content, with what its header must show, worked out from its frontmatter. */
const content = readContent('content');
const pages = content.pages.flatMap((page) => (page.data ? [{ ...page, data: page.data }] : []));

test('the seed content reads without problems', () => {
  expect(content.problems).toEqual([]);
  expect(pages.length).toBeGreaterThan(50);
});

for (const page of pages) {
  test(`${page.slug}: header shows the frontmatter facts`, async ({ page: browser }) => {
    const { data } = page;
    await browser.goto(`/runbooks/${page.slug}/`);
    const header = browser.locator('.runbook-header');
    await expect(browser.getByRole('heading', { level: 1 })).toHaveText(data.title);
    await expect(header.getByText(data.summary)).toBeVisible();
    const fact = (term: string) => header.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

    if (data.severity) {
      await expect(fact('Severity').locator('.badge')).toHaveText(data.severity);
      const response = data.sla?.response ?? severityLevel(content.severity, data.severity, data.service).response;
      await expect(fact('Respond within')).toHaveText(formatDuration(response));
    }
    if (data.sla?.resolve !== undefined) await expect(fact('Resolve within')).toHaveText(formatDuration(data.sla.resolve));
    await expect(fact('Service')).toHaveText(content.services[data.service]?.label ?? data.service);
    if (data.owner) await expect(fact('Owner')).toHaveText(data.owner);
    await expect(fact('Last reviewed')).toContainText(data.last_reviewed ? formatDate(data.last_reviewed) : 'never');
    await expect(header.locator('.alert-name')).toHaveText(data.alerts);
    for (const slug of data.related) {
      const target = pages.find((other) => other.slug === slug);
      await expect(browser.locator('.related').getByRole('link', { name: target?.data.title ?? slug })).toHaveAttribute('href', `/runbooks/${slug}/`);
    }
  });
}

test('the home page lists every page under its service, with severity, response target and alerts', async ({ page }) => {
  await page.goto('/');
  for (const { slug, data } of pages) {
    const link = page.locator(`section#service-${data.service}, section:has(#service-${data.service})`).getByRole('link', { name: data.title, exact: true });
    await expect(link, slug).toHaveAttribute('href', `/runbooks/${slug}/`);
    if (data.kind === 'incident') {
      const row = page.locator('tr', { has: page.locator(`a[href="/runbooks/${slug}/"]`) });
      await expect(row.locator('.badge[data-severity]')).toHaveText(data.severity);
      for (const alert of data.alerts) await expect(row.getByText(alert, { exact: true })).toBeVisible();
    }
  }
});

test('sitemap.xml lists every page; without a repository URL there is no edit link', async ({ page, request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  for (const { slug } of pages) expect(sitemap).toContain(`<loc>/runbooks/${slug}/</loc>`);
  await page.goto(`/runbooks/${pages[0]!.slug}/`);
  await expect(page.getByRole('link', { name: 'Edit this page' })).toHaveCount(0);
});

test('pages work at phone width without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of ['/', '/runbooks/architect-api/api-down/', '/alerts/']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
