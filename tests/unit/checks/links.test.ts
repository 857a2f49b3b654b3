import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkLinks, linkTarget } from '../../../src/lib/checks/links.ts';
import { formatProblem } from '../../../src/lib/errors.ts';
import { frontmatter, sourcePage } from '../../helpers/source-page.ts';

describe('link targets', () => {
  const cases: [string, ReturnType<typeof linkTarget>][] = [
    ['#diagnosis', { kind: 'anchor', anchor: 'diagnosis' }],
    ['#caf%C3%A9', { kind: 'anchor', anchor: 'café' }],
    ['#', { kind: 'other' }],
    ['/runbooks/db/latency/', { kind: 'page', slug: 'db/latency', anchor: undefined }],
    ['/runbooks/db/latency', { kind: 'page', slug: 'db/latency', anchor: undefined }],
    ['/runbooks/db/latency/#resolution', { kind: 'page', slug: 'db/latency', anchor: 'resolution' }],
    ['/runbooks/db/latency/?env=staging#resolution', { kind: 'page', slug: 'db/latency', anchor: 'resolution' }],
    ['other.md', { kind: 'file', path: 'payments/other.md', anchor: undefined }],
    ['./other.mdx#steps', { kind: 'file', path: 'payments/other.mdx', anchor: 'steps' }],
    ['../db/latency.md#diagnosis', { kind: 'file', path: 'db/latency.md', anchor: 'diagnosis' }],
    ['../../README.md', { kind: 'file', path: '../README.md', anchor: undefined }],
    ['/alerts/DB_CPU_HIGH/', { kind: 'alert', alert: 'DB_CPU_HIGH' }],
    ['/alerts/', { kind: 'other' }],
    ['/', { kind: 'other' }],
    ['https://grafana.example.com/d/x#panel', { kind: 'other' }],
    ['mailto:oncall@example.com', { kind: 'other' }],
    ['//cdn.example.com/x.md', { kind: 'other' }],
    ['images/diagram.png', { kind: 'other' }],
  ];
  for (const [url, expected] of cases) {
    test(url, () => assert.deepEqual(linkTarget(url, 'payments/api-down.md'), expected));
  }
});

describe('broken links', () => {
  const target = sourcePage('db/latency.md', `${frontmatter()}\n## Diagnosis\n\n## Resolution\n\n### Restart the API\n`);
  const run = (body: string, extra = '') => checkLinks([sourcePage('payments/api-down.md', `${frontmatter(extra)}\n${body}\n`), target]).map(formatProblem);

  test('links that lead somewhere are fine', () => {
    const body = [
      '## Diagnosis',
      'See [below](#diagnosis), [latency](/runbooks/db/latency/#restart-the-api), [file](../db/latency.md#resolution),',
      '[ref][1], [site](https://example.com/#nothing) and [home](/).',
      '',
      '[1]: /runbooks/db/latency/',
    ].join('\n');
    assert.deepEqual(run(body, 'related: [db/latency]\n'), []);
  });

  test('each kind of broken link, at its line and column', () => {
    const body = [
      'See [x](/runbooks/db/nope/) and [y](../db/nope.md).', // line 11
      'Then [z](#nope), [w](/runbooks/db/latency/#nope) and [v](../db/latency.md#diagnose).', // line 12
      '[alert](/alerts/NoSuchAlert/)', // line 13
    ].join('\n');
    assert.deepEqual(run(body), [
      'content/runbooks/payments/api-down.md:11:5: broken link to /runbooks/db/nope/: there is no runbook "db/nope"',
      'content/runbooks/payments/api-down.md:11:33: broken link to ../db/nope.md: there is no file content/runbooks/db/nope.md',
      'content/runbooks/payments/api-down.md:12:6: broken link to #nope: no heading on this page has the id "nope"',
      'content/runbooks/payments/api-down.md:12:18: broken link to /runbooks/db/latency/#nope: no heading of content/runbooks/db/latency.md has the id "nope"',
      'content/runbooks/payments/api-down.md:12:54: broken link to ../db/latency.md#diagnose: no heading of content/runbooks/db/latency.md has the id "diagnose"',
      'content/runbooks/payments/api-down.md:13:1: broken link to /alerts/NoSuchAlert/: no runbook lists the alert "NoSuchAlert"',
    ]);
  });

  test('a related slug that is not a page, at the line and column of the slug', () => {
    assert.deepEqual(run('Body.', 'related:\n  - db/latency\n  - db/gone\n'), [
      'content/runbooks/payments/api-down.md:11:5: related.1: there is no runbook "db/gone"',
    ]);
  });

  test('a .md link to a .mdx page is broken: the extension is part of the file name', () => {
    assert.equal(run('[x](../db/latency.mdx)').length, 1);
  });
});
