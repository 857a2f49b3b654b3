import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  alertUrl,
  isOnSite,
  keptQuery,
  runbookUrlProblem,
  type SiteLocation,
  type SitePages,
  splitUrl,
  urlParameters,
  urlTarget,
} from '../../../src/lib/alerts/runbook-url.ts';

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
    [
      'a template in the path, a query after it',
      'https://runbooks.example.com/alerts/{{ $labels.alertname }}/?env=production',
      atRoot,
      { kind: 'elsewhere', reason: 'is a template, which this check cannot follow' },
    ],
    [
      'templates in the query fill inputs, they do not choose the page',
      'https://runbooks.example.com/alerts/KubePodCrashLooping/?namespace={{ $labels.namespace | urlquery }}&pod={{ $labels.pod | urlquery }}',
      atRoot,
      { kind: 'alert', name: 'KubePodCrashLooping' },
    ],
    [
      'a ? inside a template is no query',
      'https://runbooks.example.com/alerts/{{ if true }}?{{ end }}A/',
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

describe('splitUrl', () => {
  const cases: [string, string, ReturnType<typeof splitUrl>][] = [
    ['no query', 'https://x.example/alerts/A/', { address: 'https://x.example/alerts/A/', query: undefined, fragment: undefined }],
    ['query and fragment', 'https://x.example/a/?env=prod#top', { address: 'https://x.example/a/', query: 'env=prod', fragment: 'top' }],
    ['fragment only', 'https://x.example/a/#top?x', { address: 'https://x.example/a/', query: undefined, fragment: 'top?x' }],
    ['an empty query', 'https://x.example/a/?', { address: 'https://x.example/a/', query: '', fragment: undefined }],
    ['? and # inside templates cut nothing', 'https://x.example/a/?q={{ "?#" }}#f', { address: 'https://x.example/a/', query: 'q={{ "?#" }}', fragment: 'f' }],
    ['an unclosed template runs to the end', 'https://x.example/a/?q={{ x ?#', { address: 'https://x.example/a/', query: 'q={{ x ?#', fragment: undefined }],
  ];
  for (const [name, value, expected] of cases) test(name, () => assert.deepEqual(splitUrl(value), expected));
});

describe('urlParameters', () => {
  const names = (value: string) => urlParameters(value).map((parameter) => parameter.name);
  const cases: [string, string, (string | undefined)[]][] = [
    ['names as the page reads them', 'https://x.example/a/?env=prod&pod={{ $labels.pod | urlquery }}&node', ['env', 'pod', 'node']],
    ['percent-encoded and + in names are decoded, as URLSearchParams does', 'https://x.example/a/?p%6Fd=1&a+b=2', ['pod', 'a b']],
    ['empty parameters are left out; an empty name is kept', 'https://x.example/a/?&&=x&env=', ['', 'env']],
    ['& inside a template splits nothing', 'https://x.example/a/?pod={{ "a&b=c" }}&env=x', ['pod', 'env']],
    ['a template in a name: not known before the alert fires', 'https://x.example/a/?{{ $labels.key }}=1', [undefined]],
    ['the fragment is not the query', 'https://x.example/a/?env=x#pod=y', ['env']],
    ['no query', 'https://x.example/a/', []],
  ];
  for (const [name, value, expected] of cases) test(name, () => assert.deepEqual(names(value), expected));

  test('each parameter as written, with where it starts in the value', () => {
    const value = 'https://x.example/a/?env=prod&namspace=payments';
    assert.deepEqual(urlParameters(value), [
      { name: 'env', text: 'env=prod', index: 21 },
      { name: 'namspace', text: 'namspace=payments', index: 30 },
    ]);
    assert.equal(value.slice(30, 38), 'namspace');
  });
});

describe('isOnSite and keptQuery', () => {
  const meaningful = (name: string) => ['env', 'pod'].includes(name);
  const cases: [string, string, SiteLocation, boolean, string][] = [
    ['this site: query and fragment kept as written', 'https://runbooks.example.com/alerts/X/?env=prod&typo=1#logs', atRoot, true, '?env=prod&typo=1#logs'],
    [
      'this site, a wrong path with a template',
      'https://runbooks.example.com/alerts/{{ $labels.alertname }}/?pod={{ $labels.pod }}',
      atRoot,
      true,
      '?pod={{ $labels.pod }}',
    ],
    ['a root-relative path is meant for this site', '/alerts/X/?env=prod', atRoot, true, '?env=prod'],
    ['another host: only what means something here', 'https://wiki.example.com/view?pageId=4711&env=staging&pod=x#top', atRoot, false, '?env=staging&pod=x'],
    ['another host with nothing meaningful', 'https://wiki.example.com/view?pageId=4711', atRoot, false, ''],
    ['any host when the site is unknown', 'https://wiki.example.com/alerts/X/?pageId=1', noSite, true, '?pageId=1'],
    ['a protocol-relative URL is another host', '//wiki.example.com/x?pageId=1', atRoot, false, ''],
    ['not http', 'mailto:oncall@example.com?subject=x', atRoot, false, ''],
    ['no query', 'https://runbooks.example.com/alerts/X/', atRoot, true, ''],
  ];
  for (const [name, value, location, onSite, kept] of cases) {
    test(name, () => {
      assert.equal(isOnSite(value, location), onSite);
      assert.equal(keptQuery(value, location, meaningful), kept);
    });
  }

  test('nothing is kept of a value that is no string', () => {
    assert.equal(keptQuery(undefined, atRoot, meaningful), '');
    assert.equal(keptQuery(42, atRoot, meaningful), '');
  });
});
