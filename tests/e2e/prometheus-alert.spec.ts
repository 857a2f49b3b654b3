import { readFileSync } from 'node:fs';
import { type PrometheusAlert, startPrometheus } from '../helpers/prometheus.ts';
import { test as base, clipboardText, commandBlock, copyBlock, expect, type Page } from './fixtures.ts';

/**
 * From the firing alert to the filled command, with a real Prometheus: tests/fixtures/prometheus/crashloop-rules.yml
 * fires KubePodCrashLooping for two pods at once, and its `runbook_url` carries the server's `env` and the pod's
 * labels (`?env=production&namespace=…&pod=…`). The fixture site's pods-crashlooping.md declares `{ name: pod_name, label:
 * pod }`, so `?pod=` fills `{{pod_name}}`; `namespace` is no input there (the environment has it), so it is ignored.
 */
const RULES = new URL('../fixtures/prometheus/crashloop-rules.yml', import.meta.url);
/** The site address the rule file is written with; replaced by the served fixture site's. */
const EXAMPLE_SITE = 'https://runbooks.example.com/';

const test = base.extend<object, { crashLoopAlerts: PrometheusAlert[] }>({
  // One Prometheus per worker, for the tests that follow its links: started, read back once both alerts fire,
  // stopped. The links are what a pager would carry; following them needs no running Prometheus.
  crashLoopAlerts: [
    async ({ siteServers }, use) => {
      const site = await siteServers.url('fixture');
      const template = readFileSync(RULES, 'utf8');
      if (!template.includes(EXAMPLE_SITE)) throw new Error(`${RULES.pathname} no longer links ${EXAMPLE_SITE}`);
      // The rule takes the environment from the server's external label, as one rule file for every environment would.
      const prometheus = await startPrometheus({ rules: template.replaceAll(EXAMPLE_SITE, site), externalLabels: { env: 'production' } });
      let alerts: PrometheusAlert[];
      try {
        alerts = await prometheus.firing('KubePodCrashLooping', 2);
      } finally {
        await prometheus.stop();
      }
      await use(alerts);
    },
    { scope: 'worker' },
  ],
});

test.use({ site: 'fixture', permissions: ['clipboard-read', 'clipboard-write'] });

const alertFor = (alerts: PrometheusAlert[], pod: string) => alerts.find((alert) => alert.labels['pod'] === pod)!;

test("Prometheus expands the pod's labels into runbook_url, and the reader gets the pod's command in two actions", async ({
  page,
  siteURL,
  crashLoopAlerts,
}) => {
  const alert = alertFor(crashLoopAlerts, 'api-7f9c');
  expect(alert.labels).toEqual({ alertname: 'KubePodCrashLooping', namespace: 'payments', pod: 'api-7f9c', severity: 'critical' });
  expect(alert.annotations['runbook_url']).toBe(`${siteURL}alerts/KubePodCrashLooping/?env=production&namespace=payments&pod=api-7f9c`);
  // As docs/alerts.md says: the template saw the series' labels, not the rule's own nor alertname.
  expect(alert.annotations['seen_labels']).toBe('alertname="" severity="" namespace="payments" pod="api-7f9c"');

  // Action 1: open the link from the page (through the /alerts/ redirect).
  await page.goto(alert.annotations['runbook_url']!);
  await expect(page).toHaveURL(/\/runbooks\/payments\/pods-crashlooping\/\?/);
  const logs = commandBlock(page, '--previous');
  await expect(logs.locator('code')).toContainText('kubectl -n payments-prod logs api-7f9c --previous');
  // Action 2: Copy. No dialog: every placeholder of the block is filled.
  expect(await copyBlock(page, '--previous', 'dismiss')).toEqual([]);
  await expect(logs.getByRole('button', { name: /^Copy/ })).toHaveText('Copied');
  // The production namespace from environments.yaml, not the link's namespace=payments: not an input of this page.
  expect(await clipboardText(page)).toBe(
    'kubectl -n payments-prod logs api-7f9c --previous --tail=100\nkubectl -n payments-prod get events --sort-by=.lastTimestamp',
  );

  const field = page.getByLabel('pod_name');
  await expect(field).toHaveValue('api-7f9c');
  await expect(field).toHaveAccessibleDescription(/From the alert link\./);
});

test('a destructive block lists the values the alert link put in it before it is copied', async ({ page, crashLoopAlerts }) => {
  await page.goto(alertFor(crashLoopAlerts, 'api-7f9c').annotations['runbook_url']!);
  await expect(page.getByLabel('pod_name')).toHaveValue('api-7f9c');
  const messages = await copyBlock(page, 'delete pod', 'accept');
  expect(messages).toHaveLength(1);
  expect(messages[0]).toContain('Destructive command');
  expect(messages[0]).toContain('Values from the alert link:\n  pod_name = api-7f9c');
  expect(await clipboardText(page)).toBe('kubectl -n payments-prod delete pod api-7f9c');
});

/** A refused value leaves the placeholder unfilled: copying warns about it, and the clipboard keeps what it had. */
async function expectRefused(page: Page, reason: string): Promise<void> {
  await expect(page).toHaveURL(/\/runbooks\/payments\/pods-crashlooping\/\?/);
  const field = page.getByLabel('pod_name');
  await expect(field).toHaveValue('');
  await expect(field).toHaveAccessibleDescription(new RegExp(`Value from the link refused: ${RegExp.escape(reason)}`));
  for (const occurrence of await page.locator('.ph[data-placeholder=pod_name]').all()) await expect(occurrence).toHaveText('{{pod_name}}');
  await page.evaluate(() => navigator.clipboard.writeText('(clipboard before the copy)'));
  expect(await copyBlock(page, '--previous', 'dismiss')).toEqual(['Not filled in yet: {{pod_name}}.\n\nCopy the command anyway?']);
  expect(await clipboardText(page)).toBe('(clipboard before the copy)');
}

test('a label value that is shell syntax reaches the page escaped by urlquery, and is refused', async ({ page, siteURL, crashLoopAlerts }) => {
  const url = alertFor(crashLoopAlerts, 'x;rm -rf ~').annotations['runbook_url']!;
  expect(url).toBe(`${siteURL}alerts/KubePodCrashLooping/?env=production&namespace=payments&pod=x%3Brm+-rf+~`);
  await page.goto(url);
  await expectRefused(page, 'it contains ";"');
});

// Links written by hand (or by an attacker), through the same alert redirect.
const HOSTILE = [
  { query: 'pod=x;rm%20-rf%20~', reason: 'it contains ";"' },
  { query: 'pod=--all', reason: 'it starts with "-"' },
  { query: 'pod=../..', reason: 'it contains ".."' },
];
for (const { query, reason } of HOSTILE) {
  test(`?${query} fills nothing and says why`, async ({ page }) => {
    await page.goto(`/alerts/KubePodCrashLooping/?env=production&${query}`);
    await expectRefused(page, reason);
  });
}
