import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { alertUrl, runbookUrlProblem, type SiteLocation, type SitePages, urlTarget } from '../../../src/lib/alerts/runbook-url.ts';

const site = new URL('https://runbooks.example.com');
const atRoot: SiteLocation = { site, base: '/' };
const underBase: SiteLocation = { site, base: '/runbooks/' };
const noSite: SiteLocation = { base: '/' };

describe('alertUrl', () => {
  for (const [alert, location, expected] of [
    ['DB_CPU_HIGH', atRoot, 'https://runbooks.example.com/alerts/DB_CPU_HIGH/'],
    ['DB_CPU_HIGH', underBase, 'https://runbooks.example.com/runbooks/alerts/DB_CPU_HIGH/'],
    ['DB_CPU_HIGH', noSite, '/alerts/DB_CPU_HIGH/'],
    // The same encoding as /alerts.json: a colon is legal in alert names.
    ['job:down', atRoot, 'https://runbooks.example.com/alerts/job%3Adown/'],
  ] as const) {
    test(`${alert} with base ${location.base}${location.site ? '' : ', no site'}`, () => assert.equal(alertUrl(alert, location), expected));
  }

  test('a site URL with a path does not move the base (as in alerts.json)', () => {
    assert.equal(alertUrl('APIDown', { site: new URL('https://example.com/docs/'), base: '/runbooks/' }), 'https://example.com/runbooks/alerts/APIDown/');
  });
});

describe('urlTarget', () => {
  const cases: [string, unknown, SiteLocation, ReturnType<typeof urlTarget>][] = [
    ['alert page', 'https://runbooks.example.com/alerts/DB_CPU_HIGH/', atRoot, { kind: 'alert', name: 'DB_CPU_HIGH' }],
    ['alert page without trailing slash', 'https://runbooks.example.com/alerts/db_cpu_high', atRoot, { kind: 'alert', name: 'db_cpu_high' }],
    ['alert page with ?env= and a fragment', 'https://runbooks.example.com/alerts/APIDown/?env=staging#top', atRoot, { kind: 'alert', name: 'APIDown' }],
    ['encoded alert name', 'https://runbooks.example.com/alerts/job%3Adown/', atRoot, { kind: 'alert', name: 'job:down' }],
    ['runbook page', 'https://runbooks.example.com/runbooks/audit-app/api-service-down/', atRoot, { kind: 'runbook', slug: 'audit-app/api-service-down' }],
    ['under the base path', 'https://runbooks.example.com/runbooks/alerts/APIDown/', underBase, { kind: 'alert', name: 'APIDown' }],
    ['any host when the site is unknown', 'https://wiki.example.com/alerts/APIDown/', noSite, { kind: 'alert', name: 'APIDown' }],
    ['another host', 'https://wiki.example.com/alerts/APIDown/', atRoot, { kind: 'elsewhere', reason: 'is not on https://runbooks.example.com' }],
    ['http for an https site', 'http://runbooks.example.com/alerts/APIDown/', atRoot, { kind: 'elsewhere', reason: 'is not on https://runbooks.example.com' }],
    [
      'outside the base path',
      'https://runbooks.example.com/alerts/APIDown/',
      underBase,
      { kind: 'elsewhere', reason: "is outside this site's base path /runbooks/" },
    ],
    [
      'a path that only starts like the base',
      'https://runbooks.example.com/runbooks-old/alerts/APIDown/',
      underBase,
      { kind: 'elsewhere', reason: "is outside this site's base path /runbooks/" },
    ],
    ['the alert index', 'https://runbooks.example.com/alerts/', atRoot, { kind: 'elsewhere', reason: 'is not an alert or runbook page of this site' }],
    [
      'below an alert page',
      'https://runbooks.example.com/alerts/APIDown/more/',
      atRoot,
      { kind: 'elsewhere', reason: 'is not an alert or runbook page of this site' },
    ],
    ['the home page', 'https://runbooks.example.com/', atRoot, { kind: 'elsewhere', reason: 'is not an alert or runbook page of this site' }],
    ['root-relative', '/alerts/APIDown/', atRoot, { kind: 'elsewhere', reason: 'is not an absolute URL' }],
    ['not http', 'ftp://runbooks.example.com/alerts/APIDown/', noSite, { kind: 'elsewhere', reason: 'is not an http(s) URL' }],
    [
      'a template',
      'https://runbooks.example.com/alerts/{{ $labels.alertname }}/',
      atRoot,
      { kind: 'elsewhere', reason: 'is a template, which this check cannot follow' },
    ],
    ['empty', '', atRoot, { kind: 'elsewhere', reason: 'is empty' }],
    ['null (a key with no value)', null, atRoot, { kind: 'elsewhere', reason: 'is empty' }],
    ['a number', 42, atRoot, { kind: 'elsewhere', reason: 'is not a string' }],
    ['a broken escape', 'https://runbooks.example.com/alerts/%E0%A4%A/', atRoot, { kind: 'elsewhere', reason: 'is not an alert or runbook page of this site' }],
  ];
  for (const [name, value, location, expected] of cases) {
    test(name, () => assert.deepEqual(urlTarget(value, location), expected));
  }
});

describe('runbookUrlProblem', () => {
  const pages: SitePages = {
    alerts: new Map([
      ['DB_CPU_HIGH', 'co-platform/high-database-latency'],
      ['DB_LATENCY_HIGH', 'co-platform/high-database-latency'],
      ['APIDown', 'audit-app/api-service-down'],
      ['RedisDown', 'audit-app/redis-connection-failures'],
    ]),
    slugs: new Set(['co-platform/high-database-latency', 'audit-app/api-service-down', 'audit-app/redis-connection-failures', 'audit-app/rollback']),
  };
  const cases: [string, string, string, string | undefined][] = [
    ['its alert page', 'DB_CPU_HIGH', 'https://runbooks.example.com/alerts/DB_CPU_HIGH/', undefined],
    ['its lower-case alias', 'DB_CPU_HIGH', 'https://runbooks.example.com/alerts/db_cpu_high/', undefined],
    ['its runbook page', 'DB_CPU_HIGH', 'https://runbooks.example.com/runbooks/co-platform/high-database-latency/', undefined],
    ['another alert of the same runbook', 'DB_CPU_HIGH', 'https://runbooks.example.com/alerts/DB_LATENCY_HIGH/', 'points at alert DB_LATENCY_HIGH'],
    ["another alert's alias", 'APIDown', 'https://runbooks.example.com/alerts/redisdown/', 'points at alert RedisDown'],
    ['a mixed-case spelling no page has', 'RedisDown', 'https://runbooks.example.com/alerts/redisDown/', 'points at alert redisDown, which has no page here'],
    ['an alert no runbook has', 'APIDown', 'https://runbooks.example.com/alerts/APIDownToo/', 'points at alert APIDownToo, which has no page here'],
    [
      'another runbook',
      'APIDown',
      'https://runbooks.example.com/runbooks/audit-app/rollback/',
      'leads to runbook audit-app/rollback, which does not handle APIDown',
    ],
    [
      'a runbook that does not exist',
      'APIDown',
      'https://runbooks.example.com/runbooks/audit-app/api-down/',
      'leads to runbook audit-app/api-down, which does not exist',
    ],
    ['another host', 'APIDown', 'https://wiki.example.com/APIDown', 'is not on https://runbooks.example.com'],
  ];
  for (const [name, alert, url, expected] of cases) {
    test(name, () => assert.equal(runbookUrlProblem(url, alert, pages, atRoot), expected));
  }
});
