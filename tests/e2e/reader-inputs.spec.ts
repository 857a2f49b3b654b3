import { type Dialog, expect, type Page, test } from './fixtures.ts';

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

test('the typed value wins over the environment, is kept per environment, and emptying the field gives the environment back', async ({ page }) => {
  await page.goto(`${RUNBOOK}?env=production`);
  const field = page.getByLabel('cluster');
  await field.fill('prod-us-2');
  await expect(session(page)).toContainText('kubectl --context prod-us-2 -n payments-prod get pods');

  // A value belongs to the environment it was typed in: staging's commands get staging's values.
  await page.getByLabel('Environment').selectOption('staging');
  await expect(field).toHaveValue('');
  await expect(session(page)).toContainText('kubectl --context staging-eu-1 -n payments-staging get pods');
  await expect(field).toHaveAttribute('placeholder', 'staging-eu-1');
  await expect(field).toHaveAccessibleDescription(/Empty: Staging's value/);

  await page.getByLabel('Environment').selectOption('production');
  await expect(field).toHaveValue('prod-us-2');
  await field.fill('');
  await expect(session(page)).toContainText('kubectl --context prod-eu-1 -n payments-prod get pods');
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

const deleteBlock = (page: Page) => page.locator('figure.command-block').filter({ hasText: 'delete pod' });
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test.describe('values from the alert link', () => {
  test('fill the inputs they name (by input or alert label), marked as from the link, and listed when a destructive command is copied', async ({ page }) => {
    // pods-crashlooping.md declares `{ name: pod_name, label: pod }`: the alert's `pod` label fills it.
    await page.goto('/alerts/KubePodCrashLooping/?env=production&pod=api-7f9c&cluster=prod-us-2&stray=x');
    await expect(page).toHaveURL(/\/runbooks\/payments\/pods-crashlooping\/\?alert=KubePodCrashLooping&env=production&pod=api-7f9c/);
    const field = page.getByLabel('pod_name');
    await expect(field).toHaveValue('api-7f9c');
    await expect(field).toHaveAccessibleDescription(/From the alert link\./);
    await expect(page.getByLabel('cluster')).toHaveValue('prod-us-2');
    await expect(deleteBlock(page).locator('code')).toHaveText('kubectl -n payments-prod delete pod api-7f9c');
    await expect(deleteBlock(page).locator('.ph[data-placeholder=pod_name]')).toHaveAttribute('title', '{{pod_name}}, from the alert link');
    // last_good_revision is still to fill: the form is open.
    await expect(page.locator('details.reader-inputs')).toHaveAttribute('open', '');

    // Copying a destructive command shows what the link put in it.
    const messages: string[] = [];
    const onDialog = (dialog: Dialog) => {
      messages.push(dialog.message());
      void dialog.accept();
    };
    page.on('dialog', onDialog);
    await deleteBlock(page).getByRole('button', { name: /^Copy/ }).click();
    page.off('dialog', onDialog);
    expect(messages.join('\n')).toContain('Values from the alert link:\n  pod_name = api-7f9c');
    expect(await clipboard(page)).toBe('kubectl -n payments-prod delete pod api-7f9c');
  });

  const hostile: [query: string, reason: RegExp][] = [
    ['pod=x%3Brm%20-rf%20~', /contains ";"/],
    ['pod=--all', /starts with "-", which a command would read as an option/],
    ['pod=..%2F..', /contains "\.\."/],
    ['pod=%24(id)', /contains "\$"/],
    ['pod=a%0Ab', /line break/],
    ['pod=%5B%3A%3A1%5D', /contains "\["/],
  ];
  for (const [query, reason] of hostile) {
    test(`?${query} fills nothing and says why`, async ({ page }) => {
      await page.goto(`/alerts/KubePodCrashLooping/?env=production&${query}`);
      await expect(page).toHaveURL(/pods-crashlooping/);
      const field = page.getByLabel('pod_name');
      await expect(field).toHaveAccessibleDescription(/Value from the link refused/);
      await expect(field).toHaveAccessibleDescription(reason);
      await expect(field).toHaveValue('');
      await expect(deleteBlock(page).locator('code')).toHaveText('kubectl -n payments-prod delete pod {{pod_name}}');
      await expect(page.locator('details.reader-inputs')).toHaveAttribute('open', '');
    });
  }
});

test.describe('values last for the incident', () => {
  test('the next runbook of the service opens filled, marked; Clear values forgets them; a new tab starts clean', async ({ page, context }) => {
    await page.goto('/alerts/KubePodCrashLooping/?env=production&pod=api-7f9c');
    await expect(page.getByLabel('pod_name')).toHaveValue('api-7f9c');
    await page.getByLabel('last_good_revision').fill('41');

    // Another visit in the same tab, without the link's query: both values are back, each saying where it came from.
    await page.goto(`${RUNBOOK}?env=production`);
    await expect(page.getByLabel('pod_name')).toHaveValue('api-7f9c');
    await expect(page.getByLabel('pod_name')).toHaveAccessibleDescription(/From the alert link\./);
    await expect(page.getByLabel('last_good_revision')).toHaveValue('41');
    await expect(page.getByLabel('last_good_revision')).toHaveAccessibleDescription(/Kept from earlier in this incident\./);
    await expect(page.locator('figure.command-block').filter({ hasText: 'rollout undo' }).locator('code')).toHaveText(
      'kubectl -n payments-prod rollout undo deployment/payments --to-revision=41',
    );
    // Kept in sessionStorage only: nothing outlives the tab.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('runbooks:input')))).toEqual([]);

    // Every placeholder of the page has a value now: the form starts folded, its summary still one tab away.
    await expect(page.locator('details.reader-inputs')).not.toHaveAttribute('open', '');

    const other = await context.newPage();
    await other.goto(`${RUNBOOK}?env=production`);
    await expect(other.getByLabel('pod_name')).toHaveValue('');
    await other.close();

    await page.locator('details.reader-inputs summary').click();
    await page.getByRole('button', { name: 'Clear values' }).click();
    await expect(page.getByLabel('pod_name')).toHaveValue('');
    await expect(page.getByLabel('last_good_revision')).toHaveValue('');
    await page.reload();
    await expect(page.getByLabel('pod_name')).toHaveValue('');
    await expect(deleteBlock(page).locator('code')).toHaveText('kubectl -n payments-prod delete pod {{pod_name}}');
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('alert link with env and a label value → one tap on Copy → the fully filled command (2 actions)', async ({ page }) => {
    // Action 1: open the link the alert carries.
    await page.goto('/alerts/KubePodCrashLooping/?env=production&pod=api-7f9c');
    const logs = page.locator('figure.command-block').filter({ hasText: '--previous' });
    await expect(logs.locator('code')).toContainText('kubectl -n payments-prod logs api-7f9c --previous --tail=100');
    // Action 2: tap its Copy button.
    await logs.getByRole('button', { name: /^Copy/ }).tap();
    expect(await clipboard(page)).toBe(
      'kubectl -n payments-prod logs api-7f9c --previous --tail=100\nkubectl -n payments-prod get events --sort-by=.lastTimestamp',
    );
  });
});
