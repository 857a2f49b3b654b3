import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkDuplicateAlerts } from '../../../src/lib/checks/duplicate-alerts.ts';
import { formatProblem } from '../../../src/lib/errors.ts';
import { sourcePage } from '../../helpers/source-page.ts';

const page = (path: string, alerts: string) =>
  sourcePage(path, `---\ntitle: T\nsummary: S.\nservice: payments\nseverity: high\nalerts:\n${alerts}sla:\n  response: 15m\n---\n`);

describe('duplicate alerts', () => {
  test('the same alert in two runbooks: the second, at the line of the alert, names the first', () => {
    const problems = checkDuplicateAlerts([page('payments/a.md', '  - PaymentsDown\n'), page('payments/b.md', '  - PaymentsSlow\n  - PaymentsDown\n')]);
    assert.deepEqual(problems.map(formatProblem), [
      'content/runbooks/payments/b.md:8:5: alerts: alert "PaymentsDown" is already handled by content/runbooks/payments/a.md; an alert belongs to exactly one runbook',
    ]);
  });

  test('twice in one runbook: at the second mention', () => {
    assert.deepEqual(checkDuplicateAlerts([page('payments/a.md', '  - PaymentsDown\n  - PaymentsDown\n')]).map(formatProblem), [
      'content/runbooks/payments/a.md:8:5: alerts: alert "PaymentsDown" is listed twice',
    ]);
  });

  test('different alerts are fine', () => {
    assert.deepEqual(checkDuplicateAlerts([page('payments/a.md', '  - A\n'), page('payments/b.md', '  - B\n')]), []);
  });
});
