import { expect, test } from './fixtures.ts';

/** The seed site built with RUNBOOKS_BASE=/runbooks/, as on a host that serves it under a path. */
test.use({ site: 'base', permissions: ['clipboard-read', 'clipboard-write'] });

test('under a base path: links, styles, alert links, environment, copy and search work', async ({ page, siteURL: SITE }) => {
  expect(new URL(SITE).pathname).toBe('/runbooks/');
  const missing: string[] = [];
  page.on('response', (response) => {
    // pdfs.json included: the PDF links read it under the base path, and the build writes it.
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto(SITE);
  await expect(page.locator('.site-header')).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  await page.getByRole('link', { name: 'API completely down (P1)' }).click();
  await expect(page).toHaveURL(`${SITE}runbooks/architect-api/api-down/`);

  await page.goto(`${SITE}alerts/RedisDown/?env=staging`);
  await expect(page).toHaveURL(`${SITE}runbooks/audit-app/redis-connection-failures/?alert=RedisDown&env=staging`);
  await expect(page.getByLabel('Environment')).toHaveValue('staging');

  await page.getByRole('searchbox', { name: 'Search' }).fill('db_cpu_high');
  const first = page.locator('[data-search-results] a.search-result').first();
  await expect(first).toHaveAttribute('href', '/runbooks/runbooks/co-platform/high-database-latency/?alert=DB_CPU_HIGH');
  await page.getByRole('searchbox', { name: 'Search' }).fill('vacuum');
  await expect(page.locator('[data-search-results] a.search-result').first()).toHaveAttribute('href', /^\/runbooks\/runbooks\/co-platform\//);

  const response = await page.request.get(`${SITE}alerts.json`);
  const manifest = (await response.json()) as { alert: string; url: string }[];
  expect(manifest.find((entry) => entry.alert === 'RedisDown')?.url).toBe('/runbooks/alerts/RedisDown/');
  expect(missing).toEqual([]);
});
