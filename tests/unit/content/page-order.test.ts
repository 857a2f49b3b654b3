import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { groupByService, sortPages } from '../../../src/lib/content/page-order.ts';
import type { Severity } from '../../../src/lib/content/schemas/common.ts';
import type { RunbookKind } from '../../../src/lib/content/schemas/runbook.ts';

const page = (slug: string, service: string, kind: RunbookKind, title: string, severity?: Severity) => ({
  slug,
  entry: { data: { service, kind, title, severity } },
});

describe('page order', () => {
  const pages = [
    page('web/readme', 'web', 'reference', 'About web'),
    page('db/restore', 'db', 'procedure', 'Restore'),
    page('db/disk', 'db', 'incident', 'Disk full', 'high'),
    page('db/down', 'db', 'incident', 'Database down', 'critical'),
    page('db/slow-b', 'db', 'incident', 'Slow', 'medium'),
    page('db/slow-a', 'db', 'incident', 'Slow', 'medium'),
    page('web/down', 'web', 'incident', 'Web down', 'low'),
  ];

  test('service, then incidents before procedures before reference, most urgent first, then title, then slug', () => {
    assert.deepEqual(
      sortPages(pages).map((each) => each.slug),
      ['db/down', 'db/disk', 'db/slow-a', 'db/slow-b', 'db/restore', 'web/down', 'web/readme'],
    );
  });

  test('the same order whatever order the pages come in', () => {
    assert.deepEqual(sortPages([...pages].reverse()), sortPages(pages));
  });

  test('groups keep the sorted order and split by kind', () => {
    const groups = groupByService(sortPages(pages));
    assert.deepEqual(
      groups.map((group) => [group.service, group.incidents.length, group.procedures.length, group.references.length]),
      [
        ['db', 4, 1, 0],
        ['web', 1, 0, 1],
      ],
    );
  });
});
