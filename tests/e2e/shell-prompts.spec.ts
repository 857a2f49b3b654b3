import { expect, type Page, test } from './fixtures.ts';

/**
 * Sessions written in `bash` and `shell` fences with `$ ` prompts (tests/fixtures/site/runbooks/payments/
 * shell-sessions.md): the page shows them as written, Copy copies only the commands.
 */
const RUNBOOK = '/runbooks/payments/shell-sessions/';

test.use({ site: 'fixture', permissions: ['clipboard-read', 'clipboard-write'] });

const block = (page: Page, text: string) => page.locator('figure.command-block').filter({ hasText: text });

/** [what the block is, text that finds it, its lines as the page shows them with production's values, the clipboard]. */
const BLOCKS: [title: string, name: string, shown: string[], copied: string[]][] = [
  [
    'a bash session: a comment, a pipe and a backslash, output between the commands',
    'rollout restart',
    [
      '# On the bastion, with the payments context:',
      '$ kubectl -n payments-prod get pods -o json |',
      `    jq -r '.items[] | select(.status.phase != "Running") | .metadata.name'`,
      'payments-worker-7f9c-x2k4q',
      '$ kubectl -n payments-prod rollout restart deployment/payments-worker \\',
      '    --field-manager=runbook',
      'deployment.apps/payments-worker restarted',
    ],
    [
      'kubectl -n payments-prod get pods -o json |',
      `    jq -r '.items[] | select(.status.phase != "Running") | .metadata.name'`,
      'kubectl -n payments-prod rollout restart deployment/payments-worker \\',
      '    --field-manager=runbook',
    ],
  ],
  [
    'a shell session with a user@host prompt and a here-document holding quotes',
    'LEDGER_URL',
    [
      `deploy@bastion-1:~/payments$ psql "$LEDGER_URL" <<'SQL'`,
      'SELECT id, state FROM payments',
      `WHERE state = 'pending' -- don't count today's`,
      `  AND created_at < now() - interval '1 day';`,
      'SQL',
      ' id | state',
      '----+-------',
      '(0 rows)',
    ],
    [
      `psql "$LEDGER_URL" <<'SQL'`,
      'SELECT id, state FROM payments',
      `WHERE state = 'pending' -- don't count today's`,
      `  AND created_at < now() - interval '1 day';`,
      'SQL',
    ],
  ],
  [
    'a bash script starting with $HOME, not a prompt: copied whole',
    'smoke-test',
    ['$HOME/bin/payments-smoke-test --namespace payments-prod'],
    ['$HOME/bin/payments-smoke-test --namespace payments-prod'],
  ],
];

for (const [title, name, shown, copied] of BLOCKS) {
  test(`${title}: shown as written, Copy copies the commands`, async ({ page }) => {
    await page.goto(`${RUNBOOK}?env=production`);
    await page.evaluate(() => navigator.clipboard.writeText('(clipboard before the test)'));
    const figure = block(page, name);
    await expect(figure.locator('.line')).toHaveText(shown);
    const button = figure.getByRole('button', { name: /^Copy/ });
    await button.click();
    await expect(button).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(copied.join('\n'));
  });
}

test('the book prints the sessions as written, prompts and output included', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await page.goto('/book/');
  await expect(page.locator('html[data-book-ready]')).toBeAttached();
  const [, , shown] = BLOCKS[1]!;
  const lines = block(page, 'LEDGER_URL').locator('.line');
  await expect(lines).toHaveText(shown);
  for (const line of await lines.all()) await expect(line).toBeVisible();
});
