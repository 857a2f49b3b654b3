import { readContent } from '../../src/node/read-content.ts';
import { expect, type Page, test } from './fixtures.ts';

const pages = readContent('content').pages.flatMap((page) => (page.data ? [{ slug: page.slug, data: page.data }] : []));
const alerts = pages.flatMap((page) => page.data.alerts.map((alert) => ({ alert, slug: page.slug })));

async function search(page: Page, query: string) {
  const input = page.getByRole('searchbox', { name: 'Search' });
  await input.fill(query);
  return page.locator('[data-search-results] a.search-result');
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

for (const { alert, slug } of alerts) {
  test(`${alert}: exact, lower-case and partial queries put its runbook first, marking the alert`, async ({ page }) => {
    for (const query of [alert, alert.toLowerCase()]) {
      const first = (await search(page, query)).first();
      await expect(first, query).toHaveAttribute('href', `/runbooks/${slug}/?alert=${encodeURIComponent(alert)}`);
      await expect(first).toContainText(`Runbook for alert ${alert}`);
    }
    const partial = alert
      .replace(/_/g, '')
      .slice(0, Math.max(4, alert.length - 4))
      .toLowerCase();
    await expect((await search(page, partial)).first(), partial).toHaveAttribute('href', new RegExp(`^/runbooks/${slug}/\\?alert=`));
  });
}

test('arriving from an alert result marks that alert in the runbook’s header, not its neighbour', async ({ page }) => {
  await (await search(page, 'DatabaseConnectionPoolExhausted')).first().click();
  await expect(page).toHaveURL(/\/runbooks\/audit-app\/database-connection-issues\/\?alert=DatabaseConnectionPoolExhausted$/);
  const chip = (name: string) => page.locator('.facts .alert-name', { hasText: new RegExp(`^${name}$`) });
  await expect(chip('DatabaseConnectionPoolExhausted')).toHaveAttribute('aria-current', 'true');
  await expect(chip('DatabaseDown')).not.toHaveAttribute('aria-current', /.*/);
});

test('a full-text result whose page has an alert the query names marks that alert too', async ({ page }) => {
  const first = (await search(page, 'RedisDown restart')).first();
  await expect(first).not.toContainText('Runbook for alert');
  await expect(first).toHaveAttribute('href', '/runbooks/audit-app/redis-connection-failures/?alert=RedisDown');
  await first.click();
  await expect(page.locator('.facts .alert-name', { hasText: 'RedisDown' })).toHaveAttribute('aria-current', 'true');
});

test('excerpts are the runbook’s sentences, without the page chrome', async ({ page }) => {
  // Each of these excerpts used to run chrome into the text: "Severitycritical. Respond within15 min. Alerts APIDown
  // ServiceAudit App.", "bashDestructive: overwrites a database from a dumpCopydocker exec -it postgres pg_restore",
  // "Check the logs. With Docker Compose: bashCopydocker logs"; and "kubectl describe pod" found nothing, its first
  // word glued to the caption ("bashCopykubectl").
  const chrome = /Copy(?=[^\s\-.,:;!?)])|Severity\S|Respond within\d|Last reviewed\S|Fill in|\b(?:bash|console|sql|text|yaml)(?:Copy|Destructive)/;
  for (const query of ['kubectl describe pod', 'APIDown', 'pg_restore', 'docker logs backend']) {
    const excerpts = (await search(page, query)).locator('.result-excerpt');
    await expect(excerpts.first(), query).toBeVisible();
    for (const excerpt of await excerpts.allTextContents()) expect(excerpt, query).not.toMatch(chrome);
  }
});

test('a symptom in other words finds the pages with most of them, labelled, and the filters still apply', async ({ page }) => {
  // No page holds all four words ("accidentally" is on none): Data loss holds "production" and "data".
  const results = await search(page, 'accidentally deleted production data');
  const status = page.locator('#search-panel [role=status]');
  // The first search loads pagefind, then searches each word: give a loaded machine time.
  await expect(status).toHaveText(/\d+ results?/, { timeout: 15_000 });
  const dataLoss = results.filter({ has: page.locator('.result-title', { hasText: /^Data loss$/ }) });
  await expect(dataLoss).toContainText('Matches 2 of 4 words');
  await page.locator('#search-panel').getByLabel('Service').selectOption('insights');
  await expect(results.first()).toHaveAttribute('href', /\/runbooks\/insights\//);
  await expect(status).toHaveText(/\d+ results?/);
  for (const result of await results.all()) await expect(result).toHaveAttribute('href', /\/runbooks\/insights\//);
});

test('an alert name nobody covers is said plainly, above the full-text results', async ({ page }) => {
  await search(page, 'DB_CPU_HIGH_5');
  await expect(page.getByRole('status').filter({ hasText: 'No runbook for DB_CPU_HIGH_5' })).toBeVisible();
  await expect(page.locator('[data-search-results] a[data-alert-match]')).toHaveCount(0);
});

test('full-text results show title, severity and service, and filters narrow them', async ({ page }) => {
  const results = await search(page, 'replication lag');
  await expect(results.first()).toBeVisible();
  await expect(results.first().locator('.result-title')).not.toBeEmpty();
  await page.locator('#search-panel').getByLabel('Service').selectOption('architect-api');
  await expect(results.first()).toBeVisible();
  for (const result of await results.all()) await expect(result).toHaveAttribute('href', /\/runbooks\/architect-api\//);
});

test('keyboard: / focuses search, arrows move, Enter opens, Escape clears', async ({ page }) => {
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await page.keyboard.type('RedisDown');
  const results = page.locator('[data-search-results] a.search-result');
  await expect(results.first()).toHaveAttribute('href', '/runbooks/audit-app/redis-connection-failures/?alert=RedisDown');
  await page.keyboard.press('ArrowDown');
  await expect(results.first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  await page.keyboard.type('RedisDown');
  await expect(results.first()).toHaveAttribute('href', '/runbooks/audit-app/redis-connection-failures/?alert=RedisDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/runbooks\/audit-app\/redis-connection-failures\/\?alert=RedisDown$/);
});

test('a hostile query is shown as text only', async ({ page }) => {
  await search(page, '<img src=x onerror=alert(1)>');
  await expect(page.locator('#search-panel')).toBeVisible();
  await expect(page.locator('img[src=x]')).toHaveCount(0);
});

test('search assets load only when search is used', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('/runbooks/architect-api/api-down/');
  await page.waitForLoadState('networkidle');
  expect(requested.filter((path) => path.includes('pagefind') || path.endsWith('alerts.json'))).toEqual([]);
  await page.getByRole('searchbox', { name: 'Search' }).focus();
  await expect.poll(() => requested.some((path) => path.endsWith('pagefind.js'))).toBe(true);
});

test('a query typed before the search script ran is searched once it runs', async ({ page }) => {
  // The page's scripts held back until the reader has typed: a slow page, or a reader who types at once.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/_astro/*.js', async (route) => {
    await held;
    await route.continue();
  });
  // Module scripts hold back DOMContentLoaded: wait for the response only; fill waits for the box.
  await page.goto('/', { waitUntil: 'commit' });
  const { alert, slug } = alerts[0]!;
  await page.getByRole('searchbox', { name: 'Search' }).fill(alert);
  release();
  await expect(page.locator('[data-search-results] a.search-result').first()).toHaveAttribute('href', `/runbooks/${slug}/?alert=${encodeURIComponent(alert)}`);
  await expect(page.locator('[data-search-results] a.search-result')).not.toHaveCount(0);
});
