import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { newRunbookProblems } from '../../src/lib/content/new-runbook.ts';
import { runbookSchema } from '../../src/lib/content/schemas/runbook.ts';
import { PROJECT, runCli } from '../helpers/run-cli.ts';

describe('npm run new', () => {
  test('rejects bad names, services, severities and alert names, all at once', () => {
    assert.deepEqual(newRunbookProblems({ slug: 'Payments/Card Declines', service: 'Payments', severity: 'urgent', alerts: ['ok_alert', 'bad alert'] }), [
      'name: expected <group>/<name> in lower-case words joined by hyphens, like "payments/ledger-lag", got "Payments/Card Declines"',
      '--service: expected a lower-case slug like "payments-api", got "Payments"',
      '--severity: expected one of critical|high|medium|low, got "urgent"',
      '--alert: expected an alert name of letters, digits and _ : . - (no spaces), got "bad alert"',
    ]);
  });

  test('writes a valid runbook with the severity’s SLA and today’s date, and refuses to overwrite it', async (t) => {
    const root = mkdtempSync(join(tmpdir(), 'runbooks-new-'));
    t.after(() => rmSync(root, { recursive: true, force: true }));
    cpSync(join(PROJECT, 'tests/fixtures/site'), root, { recursive: true });
    const env = { RUNBOOKS_CONTENT_DIR: root };
    const run = (...args: string[]) => runCli('new', args, { env });

    const created = await run('payments/card-declines', '--service', 'payments', '--severity', 'high', '--alert', 'CardDeclineRateHigh');
    assert.equal(created.status, 0, created.stderr);
    const text = readFileSync(join(root, 'runbooks/payments/card-declines.mdx'), 'utf8');
    const data = runbookSchema.parse(parse(splitFrontmatter(text).yaml));
    assert.equal(data.kind, 'incident');
    assert.deepEqual(data.alerts, ['CardDeclineRateHigh']);
    assert.deepEqual(data.sla, { response: 60 });
    assert.equal(data.last_reviewed?.toISOString().slice(0, 10), new Date().toISOString().slice(0, 10));
    assert.match(text, /## Diagnosis[\s\S]*## Resolution[\s\S]*## Verification/);
    assert.match(text, /kubectl -n \{\{namespace\}\} get pods/);

    const again = await run('payments/card-declines', '--service', 'payments', '--severity', 'high');
    assert.equal(again.status, 1);
    assert.match(again.stderr, /card-declines\.mdx already exists; not overwriting it/);
    assert.equal(readFileSync(join(root, 'runbooks/payments/card-declines.mdx'), 'utf8'), text);

    const taken = await run('payments/other', '--service', 'payments', '--severity', 'low', '--alert', 'kubepodcrashlooping');
    assert.equal(taken.status, 1);
    assert.match(taken.stderr, /--alert kubepodcrashlooping: already handled by .*pods-crashlooping\.md/);

    // What `new` writes passes the content check.
    const check = await runCli('check', [], { env });
    assert.equal(check.status, 0, check.stdout + check.stderr);
  });
});
