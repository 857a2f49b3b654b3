import { expect, type Page, test } from './fixtures.ts';

/**
 * What the reader types wins over the environment's value: it is about this incident. pods-crashlooping.md declares
 * `cluster` as an input, which every environment also defines.
 */
const RUNBOOK = '/runbooks/payments/pods-crashlooping/';

test.use({ site: 'fixture', permissions: ['clipboard-read', 'clipboard-write'] });

const session = (page: Page) => page.locator('figure.command-block').filter({ hasText: 'CrashLoopBackOff' }).locator('code');

test('a field the environment also fills shows its value as the default, and says whose it is', async ({ page }) => {
  await page.goto(`${RUNBOOK}?env=production`);
  const field = page.getByLabel('cluster');
  await expect(field).toHaveValue('');
  await expect(field).toHaveAttribute('placeholder', 'prod-eu-1');
  await expect(field).toHaveAccessibleDescription(/Empty: Production's value\. Type to use another\./);
  await expect(session(page)).toContainText('kubectl --context prod-eu-1 -n payments-prod get pods');
  // A field the environments do not fill has no default and no such line.
  await expect(page.getByLabel('pod_name')).toHaveAttribute('placeholder', '');
});

test('the typed value wins over every environment, and emptying the field gives the environment back', async ({ page }) => {
  await page.goto(`${RUNBOOK}?env=production`);
  const field = page.getByLabel('cluster');
  await field.fill('prod-us-2');
  await expect(session(page)).toContainText('kubectl --context prod-us-2 -n payments-prod get pods');

  await page.getByLabel('Environment').selectOption('staging');
  await expect(session(page)).toContainText('kubectl --context prod-us-2 -n payments-staging get pods');
  await expect(field).toHaveAttribute('placeholder', 'staging-eu-1');
  await expect(field).toHaveAccessibleDescription(/Empty: Staging's value/);

  await field.fill('');
  await expect(session(page)).toContainText('kubectl --context staging-eu-1 -n payments-staging get pods');
});

test('inputs named constructor or toString are empty until the reader types, like any other', async ({ page }) => {
  // ledger-lag.md declares both; neither is a value of JavaScript's (`function Object() { [native code] }`).
  await page.goto('/runbooks/payments/ledger-lag/?env=production');
  const command = page.locator('figure.command-block').filter({ hasText: 'ledgerctl replay' }).locator('code');
  await expect(command).toHaveText('ledgerctl replay --from {{constructor}} --format {{toString}}');
  await expect(page.getByLabel('constructor')).toHaveAttribute('placeholder', '');
  await expect(page.getByLabel('toString')).toHaveAccessibleDescription('');
  await page.getByLabel('constructor').fill('2026-01-01');
  await expect(command).toHaveText('ledgerctl replay --from 2026-01-01 --format {{toString}}');
});
