import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkSummaryStandIn, SUMMARY_STAND_IN } from '../../../src/lib/checks/summary-stand-in.ts';
import { formatProblemWithSeverity } from '../../../src/lib/errors.ts';
import { sourcePage } from '../../helpers/source-page.ts';

const page = (summary: string) =>
  sourcePage(
    'payments/api-down.md',
    `---\ntitle: Payments API down\nsummary: ${summary}\nservice: payments\nseverity: high\nalerts: []\nsla:\n  response: 15m\n---\n\nBody.\n`,
  );
const run = (summary: string) => checkSummaryStandIn([page(summary)]).map(formatProblemWithSeverity);

describe('summary stand-in', () => {
  test('the stand-in npm run import writes is a warning at the summary, saying what to write', () => {
    assert.deepEqual(run(JSON.stringify(SUMMARY_STAND_IN)), [
      `content/runbooks/payments/api-down.md:3:10: warning: summary: "${SUMMARY_STAND_IN}" is a to-do, not a summary: write one sentence on when to open this page ("Use when …"); it shows under the title and in every listing`,
    ]);
  });

  test('any summary that starts as a to-do note is one too', () => {
    assert.equal(run('"TODO write this"').length, 1);
    assert.equal(run('"FIXME: say when"').length, 1);
  });

  test('a real summary, or one that only mentions a to-do, is fine', () => {
    assert.deepEqual(run('Use when the API answers nothing.'), []);
    assert.deepEqual(run('Use when the TODO list service is down.'), []);
    assert.deepEqual(run('TODOs pile up in the queue.'), []);
  });
});
