import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { unzipSync } from 'fflate';
import { startPrometheus } from '../helpers/prometheus.ts';
import { runCli } from '../helpers/run-cli.ts';
import { test as base, builtSite, commandBlock, expect, type Page } from './fixtures.ts';

/**
 * "Open in Prometheus" and "Explore in Grafana" with a real Prometheus (Debian's 2.42, tests/helpers/prometheus.ts).
 *
 * The fixture site is built once, by `npm run build:fixture-site`, with its environments' Prometheus at hosts that
 * never resolve (`http://prometheus.prod.test:9090`, tests/fixtures/site/environments.yaml); the browser context
 * routes them to the real server on its free port. A build per run with the port in environments.yaml costs 7 s idle
 * and 15–20 s beside the other specs, most of this spec's budget, and would race the other builds for the project's
 * `.astro/` folder. What is tested is the same: the link as the build and the page made it, followed in Chromium,
 * and the request Prometheus receives, path and query as Chromium sends them (route.fetch forwards them unchanged).
 */
const RUNBOOK = '/runbooks/payments/ledger-lag/';
const PRODUCTION_PROMETHEUS = 'http://prometheus.prod.test:9090';
const STAGING_PROMETHEUS = 'http://monitoring.staging.test/prometheus/';

/** The queries of ledger-lag.md as Prometheus must receive them, each placeholder filled as the page shows it. */
const namespaceQuery = (namespace: string) => `label_replace(vector(1), "namespace", "${namespace}", "", "") > 0 # lag & more`;
const replicaQuery = (replica: string) => `max by (replica) (pg_replication_lag_seconds{namespace="payments-prod", replica="${replica}"}) > 30`;

interface Received {
  /** Each request Prometheus received through the route, as its path and query. */
  requests: URL[];
}

const test = base.extend<{ prometheus: Received }, { prometheusUrl: string }>({
  // One real Prometheus per worker: no rules, no targets; it evaluates what the links send.
  prometheusUrl: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern.
    async ({}, use) => {
      const prometheus = await startPrometheus({ rules: 'groups: []\n' });
      try {
        await use(prometheus.url);
      } finally {
        await prometheus.stop();
      }
    },
    { scope: 'worker' },
  ],
  // The production Prometheus of the fixture's environments.yaml is the real one, for every page of the context
  // (the link opens a new one), redirects and all: Chromium follows them itself.
  prometheus: async ({ context, prometheusUrl }, use) => {
    const received: Received = { requests: [] };
    await context.route(`${PRODUCTION_PROMETHEUS}/**`, async (route) => {
      const asked = new URL(route.request().url());
      const real = new URL(`${asked.pathname}${asked.search}`, prometheusUrl);
      received.requests.push(real);
      const response = await route.fetch({ url: real.href });
      await route.fulfill({ response });
    });
    await use(received);
    // The new tab may still be loading the UI's files when the test ends.
    await context.unrouteAll({ behavior: 'ignoreErrors' });
  },
});

test.use({ site: 'fixture' });

const prometheusLink = (page: Page, text: string) => commandBlock(page, text).getByRole('link', { name: 'Open in Prometheus (opens a new tab)' });
const grafanaLink = (page: Page, text: string) => commandBlock(page, text).getByRole('link', { name: 'Explore in Grafana (opens a new tab)' });

/** What Prometheus's /api/v1/query answers for `query`: the link's query must evaluate, not only arrive. */
async function evaluate(page: Page, prometheusUrl: string, query: string) {
  const response = await page.request.get(`${prometheusUrl}/api/v1/query`, { params: { query } });
  return (await response.json()) as { status: string; error?: string; data: { result: { metric: Record<string, string> }[] } };
}

test('Open in Prometheus opens the filled query in the environment’s Prometheus, which evaluates it', async ({ page, prometheus, prometheusUrl }) => {
  await page.goto(`${RUNBOOK}?env=production`);
  const link = prometheusLink(page, 'label_replace');
  const query = namespaceQuery('payments-prod');
  await expect(link).toHaveAttribute('href', `${PRODUCTION_PROMETHEUS}/graph?g0.expr=${encodeURIComponent(query)}&g0.tab=0&g0.range_input=1h`);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener');

  const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()]);
  // Prometheus's own UI (Debian ships the classic one: /graph → /graph/ → /classic/graph) reads the query from its
  // address and runs it on the graph tab (`g0.tab=0`), over the hour before now, against the same server.
  const uiQuery = popup.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/query_range');
  await popup.waitForLoadState();
  const first = prometheus.requests[0]!;
  expect(first.pathname).toBe('/graph');
  expect([...first.searchParams]).toEqual([
    ['g0.expr', query],
    ['g0.tab', '0'],
    ['g0.range_input', '1h'],
  ]);
  // noopener: the new tab cannot reach back into the runbook.
  expect(await popup.evaluate(() => window.opener)).toBeNull();

  const ui = await uiQuery;
  const sent = new URLSearchParams(ui.request().postData() ?? new URL(ui.url()).search);
  expect(sent.get('query')).toBe(query);
  expect(Number(sent.get('end')) - Number(sent.get('start'))).toBe(3600);
  expect(await ui.json()).toMatchObject({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { namespace: 'payments-prod' } }] } });
  await expect(popup.locator('textarea[name=expr]').first()).toHaveValue(query);
  expect(await evaluate(page, prometheusUrl, first.searchParams.get('g0.expr')!)).toMatchObject({
    status: 'success',
    data: { resultType: 'vector', result: [{ metric: { namespace: 'payments-prod' } }] },
  });
});

test('the link waits for every placeholder of its query, and follows what the reader types', async ({ page, prometheus, prometheusUrl }) => {
  await page.goto(`${RUNBOOK}?env=production`);
  const link = prometheusLink(page, 'pg_replication_lag_seconds');
  // {{replica}} is the reader's to fill: no link to a query Prometheus would read as `replica="{{replica}}"`.
  await expect(commandBlock(page, 'pg_replication_lag_seconds').locator('.ph[data-placeholder=replica]')).toHaveAttribute('data-unfilled', '');
  await expect(link).toHaveCount(0);
  await expect(commandBlock(page, 'pg_replication_lag_seconds').locator('a.query-link').first()).toBeHidden();

  await page.getByLabel('replica').fill('ledger-replica-1');
  const query = replicaQuery('ledger-replica-1');
  await expect(link).toHaveAttribute('href', `${PRODUCTION_PROMETHEUS}/graph?g0.expr=${encodeURIComponent(query)}&g0.tab=0&g0.range_input=1h`);

  // By keyboard: Copy, then the link, with the focus ring showing where.
  await commandBlock(page, 'pg_replication_lag_seconds').getByRole('button', { name: 'Copy query' }).focus();
  await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await expect(link).not.toHaveCSS('outline-style', 'none');
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Enter')]);
  await popup.waitForLoadState();
  expect(prometheus.requests[0]!.searchParams.get('g0.expr')).toBe(query);
  expect(await evaluate(page, prometheusUrl, query)).toEqual({ status: 'success', data: { resultType: 'vector', result: [] } });

  await page.getByLabel('replica').fill('');
  await expect(link).toHaveCount(0);
});

test('the links follow the environment picker, and Grafana’s only where the environment names its data source', async ({ page }) => {
  await page.goto(`${RUNBOOK}?env=production`);
  const link = prometheusLink(page, 'label_replace');
  const grafana = grafanaLink(page, 'label_replace');
  const explore = new URL((await grafana.getAttribute('href'))!);
  expect(`${explore.origin}${explore.pathname}`).toBe('http://grafana.prod.test:3000/grafana/explore');
  expect(explore.searchParams.get('schemaVersion')).toBe('1');
  expect(explore.searchParams.get('orgId')).toBe('1');
  expect(JSON.parse(explore.searchParams.get('panes')!)).toEqual({
    q: {
      datasource: 'prom-prod',
      queries: [{ refId: 'A', expr: namespaceQuery('payments-prod'), datasource: { type: 'prometheus', uid: 'prom-prod' } }],
      range: { from: 'now-1h', to: 'now' },
    },
  });

  await page.getByLabel('Environment').selectOption('staging');
  // Staging's Prometheus is served under a path, written with a trailing slash; its namespace fills the query.
  await expect(link).toHaveAttribute(
    'href',
    `${STAGING_PROMETHEUS}graph?g0.expr=${encodeURIComponent(namespaceQuery('payments-staging'))}&g0.tab=0&g0.range_input=1h`,
  );
  // Staging has a grafana_url but no grafana_datasource: no Grafana link.
  await expect(grafana).toHaveCount(0);
  await page.getByLabel('Environment').selectOption('production');
  await expect(link).toHaveAttribute('href', new RegExp(`^${PRODUCTION_PROMETHEUS}/graph\\?g0\\.expr=label_replace`));
  await expect(grafana).toBeVisible();
});

test('a page without a query fetches no link code, and without JavaScript no link shows', async ({ page, browser }) => {
  // pods-crashlooping.md has no query: its blocks have no links, and its page fetches no query-links script.
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('/runbooks/payments/pods-crashlooping/?env=production');
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((path) => path.includes('query-links'))).toEqual([]);
  await expect(page.locator('a.query-link')).toHaveCount(0);

  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: page.url() });
  try {
    const plain = await context.newPage();
    await plain.goto(`${RUNBOOK}?env=production`);
    await expect(plain.locator('a.query-link')).toHaveCount(4);
    for (const element of await plain.locator('a.query-link').all()) await expect(element).toBeHidden();
  } finally {
    await context.close();
  }
});

test('axe finds no violations around the links, in light and, on a phone, in dark', async ({ page }) => {
  await page.goto(`${RUNBOOK}?env=production`);
  await page.getByLabel('replica').fill('ledger-replica-1');
  await expect(page.locator('a.query-link[href]')).toHaveCount(4);
  // tests/e2e/accessibility.spec.ts sweeps every seed page (their curl queries have the Prometheus link) in light,
  // dark and at phone width; here the fixture's blocks with both links and a filled reader input.
  for (const [colorScheme, viewport] of [
    ['light', { width: 1280, height: 800 }],
    ['dark', { width: 390, height: 844 }],
  ] as const) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize(viewport);
    const { violations } = await new AxeBuilder({ page }).include('figure.command-block[data-query]').analyze();
    expect(
      violations.map((violation) => violation.id),
      `${colorScheme} ${viewport.width}px`,
    ).toEqual([]);
    // On a phone the caption wraps: the links stay inside the block.
    const block = await commandBlock(page, 'label_replace').boundingBox();
    const grafana = await grafanaLink(page, 'label_replace').boundingBox();
    expect(grafana!.x + grafana!.width, `${viewport.width}px`).toBeLessThanOrEqual(block!.x + block!.width);
  }
});

test('the offline copy and the book carry the link; the book without an environment has none', async ({ page, siteURL }) => {
  // The offline copy, opened from disk: the link is made in the browser, as on the site.
  const offline = mkdtempSync(join(tmpdir(), 'runbooks-query-links-'));
  try {
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(join(builtSite('fixture'), 'runbooks-offline.zip'))))) {
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(offline, name)), { recursive: true });
      writeFileSync(join(offline, name), bytes);
    }
    await page.goto(`${pathToFileURL(join(offline, 'runbooks/runbooks/payments/ledger-lag/index.html')).href}?env=production`);
    await expect(prometheusLink(page, 'label_replace')).toHaveAttribute(
      'href',
      `${PRODUCTION_PROMETHEUS}/graph?g0.expr=${encodeURIComponent(namespaceQuery('payments-prod'))}&g0.tab=0&g0.range_input=1h`,
    );
  } finally {
    rmSync(offline, { recursive: true, force: true });
  }

  // The book as `npm run pdf` prints it: with no environment, placeholders stay names and no query has a link.
  await page.goto(`${siteURL}book/`);
  await expect(page.locator('html[data-book-ready]')).toBeAttached();
  expect(await page.locator('figure[data-query]').count()).toBeGreaterThan(0);
  await expect(page.locator('a.query-link[href]')).toHaveCount(0);
});

test('npm run pdf -- --env production: the PDF links each query to production’s Prometheus', async () => {
  test.setTimeout(60_000);
  const site = mkdtempSync(join(tmpdir(), 'runbooks-query-links-pdf-'));
  try {
    // A copy: the shared build stays without PDFs, as the other specs expect it.
    cpSync(builtSite('fixture'), site, { recursive: true });
    const { status, stderr } = await runCli('pdf', ['--env', 'production'], { env: { RUNBOOKS_OUT_DIR: site } });
    expect(status, stderr).toBe(0);
    const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', join(site, 'runbooks-production.pdf')], { encoding: 'utf8' });
    const links = [...xml.matchAll(/<a href="(http[^"]*)">/g)].map(([, href]) => href!.replaceAll('&amp;', '&'));
    expect(links).toContain(`${PRODUCTION_PROMETHEUS}/graph?g0.expr=${encodeURIComponent(namespaceQuery('payments-prod'))}&g0.tab=0&g0.range_input=1h`);
    // One Grafana link (a link that wraps is one annotation per line).
    expect(new Set(links.filter((href) => href.startsWith('http://grafana.prod.test:3000/grafana/explore?'))).size).toBe(1);
    // {{replica}} is a reader input, unfilled in any book: its query has no link.
    expect(links.filter((href) => href.includes('pg_replication_lag_seconds'))).toEqual([]);
    // On paper, the server's address follows the link.
    expect(execFileSync('pdftotext', [join(site, 'runbooks-production.pdf'), '-'], { encoding: 'utf8' })).toContain(
      `Open in Prometheus <${PRODUCTION_PROMETHEUS}>`,
    );
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});
