import { alertManifestSchema } from '../../src/lib/alerts/manifest.ts';
import { REDIRECT_TEMPLATE } from '../../src/lib/alerts/redirect-page.ts';
import { readContent } from '../../src/node/read-content.ts';
import { expect, test } from './fixtures.ts';

const pages = readContent('content').pages.flatMap((page) => (page.data ? [{ slug: page.slug, data: page.data }] : []));
const alerts = pages.flatMap((page) => page.data.alerts.map((alert) => ({ alert, slug: page.slug, title: page.data.title })));

test('alerts.json lists every alert exactly once and matches its schema', async ({ request }) => {
  const response = await request.get('/alerts.json');
  expect(response.headers()['content-type']).toContain('application/json');
  const manifest = alertManifestSchema.parse(await response.json());
  expect(manifest.map((entry) => entry.alert).sort()).toEqual(alerts.map((entry) => entry.alert).sort());
  for (const entry of manifest) {
    const owner = alerts.find((alert) => alert.alert === entry.alert)!;
    expect(entry.runbook).toBe(owner.slug);
    expect(entry.url).toBe(`/alerts/${entry.alert}/`);
  }
});

for (const { alert, slug, title } of alerts) {
  test(`/alerts/${alert}/ lands on its runbook with the alert marked`, async ({ page }) => {
    await page.goto(`/alerts/${alert}/`);
    await expect(page).toHaveURL(new RegExp(`/runbooks/${slug}/\\?alert=${alert}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.locator(`.alert-name[aria-current]`)).toHaveText(alert);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  test(`/alerts/${alert.toLowerCase()}/?env=staging keeps the environment`, async ({ page }) => {
    await page.goto(`/alerts/${alert.toLowerCase()}/?env=staging`);
    await expect(page).toHaveURL(new RegExp(`/runbooks/${slug}/\\?alert=${alert}&env=staging$`));
    await expect(page.getByLabel('Environment')).toHaveValue('staging');
  });
}

// The redirect pages are written as files after the build (src/plugins/write-alert-pages.ts), from one template page
// Astro renders: every alert and alias must be there, each loading the redirect script Vite emitted, and the
// template itself must be gone.
test('every alert and its lower-case alias has a redirect page loading the emitted script; the template is gone', async ({ request }) => {
  for (const { alert, slug } of alerts) {
    for (const path of new Set([alert, alert.toLowerCase()])) {
      const response = await request.get(`/alerts/${path}/`);
      expect(response.status(), path).toBe(200);
      const html = await response.text();
      expect(html).toContain(`<a data-runbook href="/runbooks/${slug}/?alert=${encodeURIComponent(alert)}">`);
      const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"><\/script>/g)].map((match) => match[1]!);
      expect(scripts, path).toHaveLength(1);
      const script = await request.get(scripts[0]!);
      expect(script.status()).toBe(200);
      expect(await script.text()).toContain('data-runbook');
    }
  }
  expect((await request.get(`/alerts/${REDIRECT_TEMPLATE.alert}/`)).status()).toBe(404);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('an alert page still forwards (meta refresh) and shows a link', async ({ page, request }) => {
    const html = await (await request.get('/alerts/RedisDown/')).text();
    expect(html).toMatch(/<meta http-equiv="refresh" content="0; url=\/runbooks\/audit-app\/redis-connection-failures\/\?alert=RedisDown">/);
    await page.goto('/alerts/RedisDown/');
    await expect(page).toHaveURL(/\/runbooks\/audit-app\/redis-connection-failures\//);
  });
});

test('a link for an alert without a runbook says so and points to the alert index', async ({ page }) => {
  const response = await page.goto('/alerts/PAYMENTS_CPU_HIGH_5/');
  expect(response?.status()).toBe(404);
  await expect(page.getByText('No runbook for alert PAYMENTS_CPU_HIGH_5')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'alert index' })).toHaveAttribute('href', '/alerts/');
});

test('an alert link in another letter case still lands on the runbook', async ({ page }) => {
  await page.goto('/alerts/REDISDOWN/');
  await expect(page).toHaveURL(/\/runbooks\/audit-app\/redis-connection-failures\/\?alert=RedisDown$/);
});

test('the alert index lists every alert with its runbook and filters them', async ({ page }) => {
  await page.goto('/alerts/');
  // Words stay apart around inline code and links (HTML compression once glued "Prometheus" to "runbook_url").
  await expect(page.locator('main p').first()).toContainText(
    'Link an alert to /alerts/<ALERT_NAME>/ (for example in a Prometheus runbook_url annotation); the machine-readable list is alerts.json.',
  );
  const rows = page.locator('table.alert-index tbody tr');
  await expect(rows).toHaveCount(alerts.length);
  for (const { alert, title } of alerts) {
    const row = rows.filter({ has: page.getByText(alert, { exact: true }) });
    await expect(row.getByRole('link', { name: title })).toBeVisible();
  }
  await page.getByLabel('Filter alerts').fill('redis');
  await expect(rows.filter({ visible: true })).toHaveCount(1);
  await expect(page.getByText('1 of')).toBeVisible();
});
