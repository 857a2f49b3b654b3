import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { markdownOutline } from '../../../src/lib/markdown/outline.ts';

describe('markdown outline', () => {
  const ids: [string, string[]][] = [
    ['## Diagnosis', ['diagnosis']],
    ['## Verification\n\n## Verification', ['verification', 'verification-1']],
    ['## Check `pg_stat_activity` *now*', ['check-pg_stat_activity-now']],
    ['## Step 1: restart the API (carefully)', ['step-1-restart-the-api-carefully']],
    ['## Rate limits — 429s', ['rate-limits--429s']],
    ['## Café', ['café']],
    ['# Title\n\n## Title', ['title', 'title-1']],
  ];
  for (const [markdown, expected] of ids) {
    test(`ids of ${JSON.stringify(markdown)}`, () =>
      assert.deepEqual(
        markdownOutline(markdown).headings.map((heading) => heading.id),
        expected,
      ));
  }

  test('links, and definitions where the URL of a reference link is written', () => {
    assert.deepEqual(markdownOutline('Text [a](#x)\n\n[b][ref]\n\n[ref]: ../y.md\n').links, [
      { url: '#x', line: 1, column: 6 },
      { url: '../y.md', line: 5, column: 1 },
    ]);
  });
});
