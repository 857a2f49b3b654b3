import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAstroDuration, parseAstroLog } from '../../src/lib/bench-astro-log.ts';

describe('parseAstroDuration', () => {
  const cases: [string, number | undefined][] = [
    ['55ms', 55],
    ['33.87s', 33870],
    ['1m 14s', 74000],
    ['2m', 120000],
    ['1h 2m 3s', 3723000],
    ['', undefined],
    ['soon', undefined],
    ['14', undefined],
  ];
  for (const [text, ms] of cases) {
    test(`${JSON.stringify(text)} → ${ms}`, () => assert.equal(parseAstroDuration(text), ms));
  }
});

describe('parseAstroLog', () => {
  // Trimmed from a real `astro build` of the 1000-runbook corpus (page list shortened).
  const log = `00:22:58 [content] Syncing content
00:23:00 [content] Synced content
00:23:00 [types] Generated 3.85s
00:23:00 [build] output: "static"
00:23:00 [build] Collecting build info...
00:23:00 [build] ✓ Completed in 4.23s.
00:23:00 [build] Building static entrypoints...
00:23:40 [vite] ✓ built in 39.21s
00:23:40 [vite] ✓ built in 55ms
00:23:40 [build] Rearranging server assets...

 generating static routes 
00:23:41   ├─ /404.html (+160ms) 
00:23:41   ├─ /alerts/ALERTMANAGER_CONNECTIONS_EXHAUSTED/index.html (+141ms) 
00:23:41   ├─ /alerts/alertmanager_connections_exhausted/index.html (+7ms) 
00:23:41   ├─ /runbooks/api-gateway/api-gateway-cache-miss-storm/index.html (+12ms) 
00:23:41   └─ /runbooks/api-gateway/api-gateway-cert-expiry/index.html (+1.41s) 
00:24:14 ✓ Completed in 33.87s.

00:24:14 [build] ✓ Completed in 1m 14s.
00:24:17 [build] Waiting for integration "runbooks:pagefind", hook "astro:build:done"...
00:24:19 [runbooks:pagefind] indexed 5013 pages
00:24:19 [build] 5013 page(s) built in 1m 23s
00:24:19 [build] Complete!
`;

  test('every phase Astro times', () => {
    assert.deepEqual(parseAstroLog(log), {
      contentSyncMs: 3850,
      viteBuildsMs: [39210, 55],
      staticRoutesMs: 33870,
      buildMs: 74000,
      totalMs: 83000,
      pages: 5013,
      sections: [
        { section: '/runbooks/', pages: 2, ms: 1422 },
        { section: '/404.html', pages: 1, ms: 160 },
        { section: '/alerts/', pages: 2, ms: 148 },
      ],
    });
  });

  test('colours from a terminal are ignored', () => {
    assert.equal(parseAstroLog('\x1b[2m00:23:00\x1b[22m \x1b[34m[types]\x1b[39m Generated 3.85s').contentSyncMs, 3850);
  });

  test('a "Completed" of another section (images) is not taken for the routes', () => {
    const phases = parseAstroLog(' generating optimized images \n✓ Completed in 2.00s.\n');
    assert.equal(phases.staticRoutesMs, undefined);
  });

  test('a build that died early has only what it printed', () => {
    assert.deepEqual(parseAstroLog('00:23:00 [types] Generated 1.66s\n[ERROR] boom\n'), { contentSyncMs: 1660, viteBuildsMs: [], sections: [] });
  });
});
