import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { builtSite, expect, type Page, type SiteName, test } from './fixtures.ts';

/** dist/runbooks-offline.zip, unpacked as a reader would, and opened from disk. */
let folder = '';
const home = () => pathToFileURL(join(folder, 'runbooks/index.html')).href;

/** Unpacks a built site's runbooks-offline.zip into a new temporary folder, as a reader would. */
function unpack(site: SiteName): string {
  const target = mkdtempSync(join(tmpdir(), 'runbooks-offline-'));
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(join(builtSite(site), 'runbooks-offline.zip'))))) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(target, name)), { recursive: true });
    writeFileSync(join(target, name), bytes);
  }
  return target;
}

test.beforeAll(() => {
  folder = unpack('seed');
});

test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('the offline copy works from file://: links, styles, environment, copy and alert search', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(home());
  await expect(page.getByRole('heading', { level: 1, name: 'Runbooks' })).toBeVisible();
  // Styles load: the header has its background colour, not the browser default.
  await expect(page.locator('.site-header')).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');

  await page.getByRole('link', { name: 'API completely down (P1)' }).click();
  await expect(page).toHaveURL(/runbooks\/architect-api\/api-down\/index\.html$/);
  await page.getByLabel('Environment').selectOption('staging');
  const podStatus = page.locator('figure.command-block').filter({ hasText: 'get pods' }).first();
  await expect(podStatus.locator('code')).toContainText('architect-staging');
  await podStatus.getByRole('button', { name: /^Copy/ }).click();
  await expect(podStatus.getByRole('button', { name: /^Copy/ })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('-n architect-staging');

  await page.getByRole('searchbox', { name: 'Search' }).fill('redisdown');
  const first = page.locator('[data-search-results] a.search-result').first();
  await expect(first).toContainText('Runbook for alert RedisDown');
  await first.click();
  await expect(page).toHaveURL(/runbooks\/audit-app\/redis-connection-failures\/index\.html\?alert=RedisDown$/);
  await expect(page.locator('.facts .alert-name', { hasText: 'RedisDown' })).toHaveAttribute('aria-current', 'true');

  await page.getByRole('searchbox', { name: 'Search' }).fill('vacuum');
  await expect(page.locator('[data-search-results] a.search-result').first()).toContainText('vacuum', { ignoreCase: true });
  expect(errors).toEqual([]);
});

test('alert links in the offline copy forward to the runbook', async ({ page }) => {
  await page.goto(pathToFileURL(join(folder, 'runbooks/alerts/DB_CPU_HIGH/index.html')).href);
  await expect(page).toHaveURL(/runbooks\/co-platform\/high-database-latency\/index\.html\?alert=DB_CPU_HIGH$/);
});

test.describe('on the fixture site', () => {
  test.use({ site: 'fixture' });

  /** ledger-lag.md holds a command that looks like markup: `src="/…"`, `HREF=/…` and a module script, as text. */
  const copyProbe = async (page: Page) => {
    const button = page.locator('figure.command-block').filter({ hasText: 'probe.html' }).getByRole('button', { name: /^Copy/ });
    await button.click();
    await expect(button).toHaveText('Copied');
    return page.evaluate(() => navigator.clipboard.readText());
  };

  test('a command that looks like markup is copied from the offline copy as from the site', async ({ page }) => {
    const expected = [
      `curl -s https://ledger.example.com/ | grep -o 'src="/[^"]*"\\|HREF=/[^ >]*'`,
      `echo '<script type="module" src="/probe.js"></script>' > /tmp/probe.html`,
    ].join('\n');
    await page.goto('/runbooks/payments/ledger-lag/');
    expect(await copyProbe(page)).toBe(expected);

    const offline = unpack('fixture');
    try {
      await page.goto(pathToFileURL(join(offline, 'runbooks/runbooks/payments/ledger-lag/index.html')).href);
      expect(await copyProbe(page)).toBe(expected);
    } finally {
      rmSync(offline, { recursive: true, force: true });
    }
  });
});
