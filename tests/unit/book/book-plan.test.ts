import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bookServices, planBook, serviceBooks } from '../../../src/lib/book/book-plan.ts';
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

/** Two services, each with pages of every kind, sorted as the site sorts them. */
const pages = sortPages([
  page('web/readme', 'web', 'reference', 'About web'),
  page('db/restore', 'db', 'procedure', 'Restore'),
  page('db/down', 'db', 'incident', 'Database down', 'critical'),
  page('web/down', 'web', 'incident', 'Web down', 'low'),
  page('db/notes', 'db', 'reference', 'Notes'),
]);

describe('planBook', () => {
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

describe('serviceBooks', () => {
  const alert = (name: string, service: string) => ({ alert: name, service });
  const alerts = [alert('ApiDown', 'web'), alert('DbDown', 'db'), alert('DbSlow', 'db'), alert('Orphan', 'queue')];
  const books = serviceBooks(pages, alerts);

  test("a book per service with pages, each with only its pages and alerts, in the whole book's orders", () => {
    assert.deepEqual(
      books.map((book) => [book.service, book.pages.map((each) => each.slug), book.alerts.map((each) => each.alert)]),
      [
        ['db', ['db/down', 'db/restore', 'db/notes'], ['DbDown', 'DbSlow']],
        ['web', ['web/down', 'web/readme'], ['ApiDown']],
      ],
    );
  });

  test("planned, a service's book prints its pages as the whole book does", () => {
    const whole = planBook(pages, environments).pages.map((each) => each.slug);
    const db = planBook(books[0]!.pages, environments);
    assert.deepEqual(
      db.pages.map((each) => each.slug),
      whole.filter((slug) => slug.startsWith('db/')),
    );
    assert.deepEqual(Object.keys(db.placeholderValues), ['db']);
  });

  test('no pages, no books', () => {
    assert.deepEqual(serviceBooks([], alerts), []);
  });

  test('bookServices: id → label of every service with a book', () => {
    assert.deepEqual(
      bookServices([
        { id: 'db', label: 'Database' },
        { id: 'web', label: 'web' },
      ]),
      { db: 'Database', web: 'web' },
    );
  });
});
