import { clipboardText, commandBlock, copyBlock, expect, test } from './fixtures.ts';

/** The fixture site (tests/fixtures/site) is built for exactly these behaviours; see pods-crashlooping.md. */
const RUNBOOK = '/runbooks/payments/pods-crashlooping/';

test.use({ site: 'fixture', permissions: ['clipboard-read', 'clipboard-write'] });

test.beforeEach(async ({ page }) => {
  await page.goto(`${RUNBOOK}?env=production`);
  await page.evaluate(() => navigator.clipboard.writeText('(clipboard before the test)'));
});

test('copying a console session copies the commands without prompts or output', async ({ page }) => {
  await page.getByLabel('pod_name').fill('payments-7d9f-abc');
  const button = commandBlock(page, 'CrashLoopBackOff').getByRole('button', { name: /^Copy/ });
  await button.click();
  await expect(button).toHaveText('Copied');
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(1);
  expect(await clipboardText(page)).toBe(
    ['kubectl --context prod-eu-1 -n payments-prod get pods', 'kubectl -n payments-prod describe pod payments-7d9f-abc \\', '  | grep -A5 Events'].join('\n'),
  );
});

test('trailing whitespace is trimmed from copied lines', async ({ page }) => {
  await page.getByLabel('pod_name').fill('p1');
  await copyBlock(page, '--previous');
  expect(await clipboardText(page)).toBe(
    'kubectl -n payments-prod logs p1 --previous --tail=100\nkubectl -n payments-prod get events --sort-by=.lastTimestamp',
  );
});

test('choosing staging fills the service’s staging values, survives a reload, and ?env= overrides it', async ({ page }) => {
  await page.getByLabel('Environment').selectOption('staging');
  await expect(page).toHaveURL(/[?&]env=staging/);
  const verify = commandBlock(page, 'app=payments');
  await expect(verify.locator('code')).toHaveText('kubectl -n payments-staging get pods -l app=payments');
  await copyBlock(page, 'app=payments');
  expect(await clipboardText(page)).toBe('kubectl -n payments-staging get pods -l app=payments');

  await page.goto(RUNBOOK); // no ?env=: the stored choice applies
  await expect(page.getByLabel('Environment')).toHaveValue('staging');
  await expect(commandBlock(page, 'app=payments').locator('code')).toHaveText('kubectl -n payments-staging get pods -l app=payments');

  await page.goto(`${RUNBOOK}?env=production`);
  await expect(page.getByLabel('Environment')).toHaveValue('production');
  await expect(commandBlock(page, 'app=payments').locator('code')).toHaveText('kubectl -n payments-prod get pods -l app=payments');
});

test('filled values are marked in the code', async ({ page }) => {
  const namespace = commandBlock(page, 'app=payments').locator('.ph[data-placeholder=namespace]');
  await expect(namespace).toHaveAttribute('data-filled', '');
  await expect(namespace).toHaveCSS('text-decoration-line', 'underline');
});

test('a reader input fills every occurrence, live, and the copy contains it', async ({ page }) => {
  const occurrences = page.locator('.ph[data-placeholder=pod_name]');
  await expect(occurrences).toHaveCount(3);
  for (const occurrence of await occurrences.all()) await expect(occurrence).toHaveText('{{pod_name}}');
  await page.getByLabel('pod_name').fill('payments-7d9f-xyz');
  for (const occurrence of await occurrences.all()) await expect(occurrence).toHaveText('payments-7d9f-xyz');
  await copyBlock(page, 'delete pod', 'accept');
  expect(await clipboardText(page)).toBe('kubectl -n payments-prod delete pod payments-7d9f-xyz');
});

test('an unfilled placeholder is marked and copying it warns first', async ({ page }) => {
  const revision = page.locator('.ph[data-placeholder=last_good_revision]');
  await expect(revision).toHaveAttribute('data-unfilled', '');
  const dismissed = await copyBlock(page, 'rollout undo', 'dismiss');
  expect(dismissed).toEqual([expect.stringContaining('{{last_good_revision}}')]);
  expect(await clipboardText(page)).toBe('(clipboard before the test)');
  await copyBlock(page, 'rollout undo', 'accept');
  expect(await clipboardText(page)).toBe('kubectl -n payments-prod rollout undo deployment/payments --to-revision={{last_good_revision}}');
});

test('Go templates survive in the page and the clipboard', async ({ page }) => {
  const command = `kubectl -n payments-prod get pods -o go-template='{{range .items}}{{.metadata.name}} {{.spec.nodeName}}{{"\\n"}}{{end}}'`;
  await expect(commandBlock(page, 'go-template').locator('code')).toHaveText(command);
  await copyBlock(page, 'go-template');
  expect(await clipboardText(page)).toBe(command);
});

test('escaped placeholders and noplaceholders blocks stay literal', async ({ page }) => {
  await copyBlock(page, 'stays literal');
  expect(await clipboardText(page)).toBe("echo '{{namespace}} stays literal here, payments-prod does not'");
  await copyBlock(page, 'helm template');
  expect(await clipboardText(page)).toBe('helm template payments ./chart --set ns={{namespace}}');
});

test('destructive blocks carry a badge and copying asks for confirmation', async ({ page }) => {
  await page.getByLabel('pod_name').fill('p1');
  const deletion = commandBlock(page, 'delete pod');
  await expect(deletion.getByText(/Destructive: deletes Kubernetes resources/)).toBeVisible();
  expect(await copyBlock(page, 'delete pod', 'dismiss')).toEqual([expect.stringContaining('Destructive command: deletes Kubernetes resources')]);
  expect(await clipboardText(page)).toBe('(clipboard before the test)');
  await copyBlock(page, 'delete pod', 'accept');
  expect(await clipboardText(page)).toBe('kubectl -n payments-prod delete pod p1');

  await expect(commandBlock(page, 'reset-ledger-cache').getByText(/Destructive: marked destructive by its author/)).toBeVisible();
  expect(await copyBlock(page, 'reset-ledger-cache', 'accept')).toHaveLength(1);
});

test('copy works with the keyboard', async ({ page }) => {
  const button = commandBlock(page, 'app=payments').getByRole('button', { name: /^Copy/ });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveText('Copied');
  expect(await clipboardText(page)).toBe('kubectl -n payments-prod get pods -l app=payments');
});

test('copy falls back to a selection copy where navigator.clipboard is missing (plain-http intranet)', async ({ page }) => {
  await page.addInitScript(() => {
    const clipboardApi = navigator.clipboard;
    (window as unknown as { readClipboard: () => Promise<string> }).readClipboard = () => clipboardApi.readText();
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
  });
  await page.goto(`${RUNBOOK}?env=production`);
  expect(await page.evaluate(() => navigator.clipboard)).toBeUndefined();
  await copyBlock(page, 'app=payments');
  await expect(commandBlock(page, 'app=payments').getByRole('button', { name: /^Copy/ })).toHaveText('Copied');
  expect(await page.evaluate(() => (window as unknown as { readClipboard: () => Promise<string> }).readClipboard())).toBe(
    'kubectl -n payments-prod get pods -l app=payments',
  );
});

for (const payload of ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>']) {
  test(`a hostile ?env= runs and renders nothing: ${payload}`, async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${RUNBOOK}?env=${encodeURIComponent(payload)}`);
    await expect(page.getByLabel('Environment')).toHaveValue(/^(production|staging)$/);
    await expect(page.locator('img[src=x]')).toHaveCount(0);
    expect(await page.content()).not.toContain(payload);
    await expect(commandBlock(page, 'app=payments').locator('code')).toHaveText(/kubectl -n payments-(prod|staging) get pods/);
    expect(dialogs).toEqual([]);
  });
}

test('a hostile reader input is shown as text, never as HTML', async ({ page }) => {
  const payload = '<img src=x onerror=alert(1)>';
  await page.getByLabel('pod_name').fill(payload);
  await expect(page.locator('.ph[data-placeholder=pod_name]').first()).toHaveText(payload);
  await expect(page.locator('img[src=x]')).toHaveCount(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('blocks show the placeholder names and the page still reads', async ({ page }) => {
    await page.goto(RUNBOOK);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payments pods crash looping');
    await expect(commandBlock(page, 'app=payments').locator('code')).toHaveText('kubectl -n {{namespace}} get pods -l app=payments');
  });
});

test('a relative link to another runbook file points at its page', async ({ page, siteURL }) => {
  await page.locator('.content').getByRole('link', { name: 'ledger replication lag' }).click();
  await expect(page).toHaveURL(`${siteURL}runbooks/payments/ledger-lag/#diagnosis`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ledger replication lag');
});

test('"Edit this page" links to the source when site.yaml names a repository', async ({ page }) => {
  await expect(page.getByRole('link', { name: 'Edit this page' })).toHaveAttribute(
    'href',
    'https://git.example.com/acme/runbooks/edit/main/tests/fixtures/site/runbooks/payments/pods-crashlooping.md',
  );
});
