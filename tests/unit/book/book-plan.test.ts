import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planBook } from '../../../src/lib/book/book-plan.ts';
import { sortPages } from '../../../src/lib/content/page-order.ts';
import type { Severity } from '../../../src/lib/content/schemas/common.ts';
import type { Environments } from '../../../src/lib/content/schemas/environments.ts';
import type { RunbookKind } from '../../../src/lib/content/schemas/runbook.ts';

const page = (slug: string, service: string, kind: RunbookKind, title: string, severity?: Severity) => ({
  slug,
  entry: { data: { service, kind, title, severity } },
});

const environments: Environments = {
  production: { label: 'Production', vars: { region: 'eu' }, services: { db: { host: 'db-prod' } } },
  staging: { label: 'Staging', vars: {}, services: {} },
};

describe('planBook', () => {
  const pages = sortPages([
    page('web/readme', 'web', 'reference', 'About web'),
    page('db/restore', 'db', 'procedure', 'Restore'),
    page('db/down', 'db', 'incident', 'Database down', 'critical'),
    page('web/down', 'web', 'incident', 'Web down', 'low'),
    page('db/notes', 'db', 'reference', 'Notes'),
  ]);
  const book = planBook(pages, environments);

  const cases: [string, unknown, unknown][] = [
    [
      'pages service by service, incidents, then procedures, then reference',
      book.pages.map((each) => each.slug),
      ['db/down', 'db/restore', 'db/notes', 'web/down', 'web/readme'],
    ],
    ['groups for the contents', book.groups.map((group) => group.service), ['db', 'web']],
    ['an anchor per page', [...book.anchors.entries()][0], ['db/down', 'rb-db--down']],
    ['environment labels by id', book.environmentLabels, { production: 'Production', staging: 'Staging' }],
    [
      'values for every service in the book, every environment',
      book.placeholderValues,
      { db: { production: { region: 'eu', host: 'db-prod' }, staging: {} }, web: { production: { region: 'eu' }, staging: {} } },
    ],
  ];
  for (const [name, actual, expected] of cases) test(name, () => assert.deepEqual(actual, expected));

  test('an empty site is an empty book', () => {
    assert.deepEqual(planBook([], environments), {
      groups: [],
      pages: [],
      anchors: new Map(),
      environmentLabels: book.environmentLabels,
      placeholderValues: {},
    });
  });
});
