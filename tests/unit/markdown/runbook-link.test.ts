import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runbookLinkUrl } from '../../../src/lib/markdown/runbook-link.ts';

const cases: [string, string, string, string | undefined][] = [
  ['./rollback.md', 'deploy/api', '/', '/runbooks/deploy/rollback/'],
  ['../db/latency.mdx#diagnosis', 'payments/api-down', '/', '/runbooks/db/latency/#diagnosis'],
  ['rollback.md?env=staging', 'deploy/api', '/docs/', '/docs/runbooks/deploy/rollback/?env=staging'],
  ['https://example.com/x.md', 'deploy/api', '/', undefined],
  ['/runbooks/deploy/rollback/', 'deploy/api', '/', undefined],
  ['#steps', 'deploy/api', '/', undefined],
  ['./diagram.png', 'deploy/api', '/', undefined],
  ['../../outside.md', 'deploy/api', '/', undefined],
];
for (const [href, from, base, expected] of cases) test(`${href} from ${from}`, () => assert.equal(runbookLinkUrl(href, from, base), expected));
