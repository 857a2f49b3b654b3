import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { relativeUrl } from '../../../src/lib/offline/relative-url.ts';
import { moduleScripts, rewriteForOffline } from '../../../src/lib/offline/rewrite-html.ts';
import { type OfflinePage, searchOfflinePages } from '../../../src/lib/web/offline-index.ts';

describe('relativeUrl', () => {
  const cases: [string, string, string, string][] = [
    ['/runbooks/db/latency/', 'index.html', '/', './runbooks/db/latency/index.html'],
    ['/', 'runbooks/db/latency/index.html', '/', '../../../index.html'],
    ['/_astro/a.css', 'runbooks/db/latency/index.html', '/', '../../../_astro/a.css'],
    ['/alerts/?env=staging#top', 'alerts/X/index.html', '/', '../index.html?env=staging#top'],
    ['/docs/runbooks/a/b/', 'index.html', '/docs/', './runbooks/a/b/index.html'],
    ['https://grafana.example.com/d/x', 'index.html', '/', 'https://grafana.example.com/d/x'],
    ['#diagnosis', 'index.html', '/', '#diagnosis'],
    ['//cdn.example.com/x.js', 'index.html', '/', '//cdn.example.com/x.js'],
  ];
  for (const [target, from, base, expected] of cases) test(`${target} from ${from}`, () => assert.equal(relativeUrl(target, from, base), expected));
});

describe('rewriteForOffline', () => {
  const html =
    '<head><meta http-equiv="refresh" content="0; url=/runbooks/a/b/?alert=X"><link href="/_astro/s.css" rel="stylesheet"><script type="module" src="/_astro/a.js"></script><script type="module" src="/_astro/b.js"></script></head><body><a href="/alerts/">x</a><code>href=&#x22;/not-a-link&#x22;</code></body>';
  test('finds the module scripts in order', () => assert.deepEqual(moduleScripts(html), ['/_astro/a.js', '/_astro/b.js']));
  test('makes links relative and replaces module scripts with classic ones', () => {
    assert.equal(
      rewriteForOffline(html, { file: 'alerts/X/index.html', base: '/', scripts: ['/offline-index.js', '/_offline/1.js'] }),
      '<head><meta http-equiv="refresh" content="0; url=../../runbooks/a/b/index.html?alert=X"><link href="../../_astro/s.css" rel="stylesheet"><script defer src="../../offline-index.js"></script><script defer src="../../_offline/1.js"></script></head><body><a href="../index.html">x</a><code>href=&#x22;/not-a-link&#x22;</code></body>',
    );
  });
});

describe('searchOfflinePages', () => {
  const page = (title: string, alerts: string[] = []): OfflinePage => ({
    slug: title,
    title,
    summary: 'Use it when it breaks.',
    service: 'db',
    severity: 'high',
    alerts,
  });
  const pages = [page('Rotate secrets'), page('Database vacuum'), page('Slow queries', ['SlowDatabaseQueries'])];
  test('every word must match; titles first', () =>
    assert.deepEqual(
      searchOfflinePages(pages, 'database').map((p) => p.title),
      ['Database vacuum', 'Slow queries'],
    ));
  test('no words, no results', () => assert.deepEqual(searchOfflinePages(pages, '  '), []));
});
