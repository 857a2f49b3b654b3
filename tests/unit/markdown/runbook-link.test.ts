import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runbookLinkUrl } from '../../../src/lib/markdown/runbook-link.ts';

const cases: [string, string, string, string | undefined][] = [
  ['./rollback.md', 'deploy/api', '/', '/runbooks/deploy/rollback/'],
  ['../db/latency.mdx#diagnosis', 'payments/api-down', '/', '/runbooks/db/latency/#diagnosis'],
  ['rollback.md?env=staging', 'deploy/api', '/docs/', '/docs/runbooks/deploy/rollback/?env=staging'],
  ['https://example.com/x.md', 'deploy/api', '/', undefined],
  // Root-absolute links to pages of this site get the base path, or they 404 on a site served under one.
  ['/runbooks/deploy/rollback/', 'deploy/api', '/', '/runbooks/deploy/rollback/'],
  ['/runbooks/deploy/rollback/#steps', 'deploy/api', '/docs/', '/docs/runbooks/deploy/rollback/#steps'],
  ['/alerts/KubePodCrashLooping/?env=staging', 'deploy/api', '/docs/', '/docs/alerts/KubePodCrashLooping/?env=staging'],
  ['/alerts/', 'deploy/api', '/docs/', '/docs/alerts/'],
  ['/runbooksfoo/x/', 'deploy/api', '/docs/', undefined],
  ['/docs/runbooks/deploy/rollback/', 'deploy/api', '/docs/', undefined],
  ['//cdn.example.com/runbooks/x/', 'deploy/api', '/docs/', undefined],
  ['#steps', 'deploy/api', '/', undefined],
  ['./diagram.png', 'deploy/api', '/', undefined],
  ['../../outside.md', 'deploy/api', '/', undefined],
];
for (const [href, from, base, expected] of cases) test(`${href} from ${from}`, () => assert.equal(runbookLinkUrl(href, from, base), expected));
