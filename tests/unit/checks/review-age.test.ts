import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkReviewAge } from '../../../src/lib/checks/review-age.ts';
import { formatProblemWithSeverity } from '../../../src/lib/errors.ts';
import { frontmatter, sourcePage } from '../../helpers/source-page.ts';

const today = new Date('2026-11-28');
const run = (extra: string, reviewEvery?: number) =>
  checkReviewAge([sourcePage('payments/api-down.md', `${frontmatter(extra)}\nBody.\n`)], { reviewEvery, today }).map(formatProblemWithSeverity);
const DAY = 24 * 60;

describe('review age', () => {
  const cases: [string, string, number | undefined, string[]][] = [
    ['never reviewed: nothing to say', '', undefined, []],
    ['reviewed today', 'last_reviewed: 2026-11-28\n', undefined, []],
    ['exactly 180 days ago is not overdue yet', 'last_reviewed: 2026-06-01\n', undefined, []],
    [
      '181 days ago is overdue with the default period',
      'last_reviewed: 2026-05-31\n',
      undefined,
      [
        'content/runbooks/payments/api-down.md:9:16: warning: last_reviewed: review overdue: last reviewed 2026-05-31, 181 days ago; the review period is 180 days',
      ],
    ],
    [
      'a site-wide period',
      'last_reviewed: 2026-10-01\n',
      30 * DAY,
      [
        'content/runbooks/payments/api-down.md:9:16: warning: last_reviewed: review overdue: last reviewed 2026-10-01, 58 days ago; the review period is 30 days',
      ],
    ],
    ["the page's own period wins over the site-wide one", 'last_reviewed: 2026-10-01\nreview_every: 90d\n', 30 * DAY, []],
    [
      'tomorrow is in the future: an error',
      'last_reviewed: 2026-11-29\n',
      undefined,
      ['content/runbooks/payments/api-down.md:9:16: error: last_reviewed: 2026-11-29 is in the future'],
    ],
  ];
  for (const [name, extra, reviewEvery, expected] of cases) {
    test(name, () => assert.deepEqual(run(extra, reviewEvery), expected));
  }
});
