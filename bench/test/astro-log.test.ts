import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countRestoredPages, parseAstroDuration, parseAstroLog, phaseAt } from '../src/astro-log.ts';

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
00:24:25 [runbooks:offline-site] wrote runbooks-offline.zip (5041 files, 10.7 MB)
00:24:25 [build] 5013 page(s) built in 1m 23s
00:24:19 [build] Complete!
`;

  test('every phase Astro times', () => {
    assert.deepEqual(parseAstroLog(log), {
      contentSyncMs: 3850,
      viteBuildsMs: [39210, 55],
      staticRoutesMs: 33870,
      collectMs: 4230,
      staticBuildMs: 74000,
      totalMs: 83000,
      pages: 5013,
      sections: [
        { section: '/runbooks/', pages: 2, ms: 1422 },
        { section: '/404.html', pages: 1, ms: 160 },
        { section: '/alerts/', pages: 2, ms: 148 },
      ],
      afterBuildSteps: [
        { integration: 'runbooks:pagefind', message: 'indexed 5013 pages', ms: 5000 },
        { integration: 'runbooks:offline-site', message: 'wrote runbooks-offline.zip (5041 files, 10.7 MB)', ms: 6000 },
      ],
    });
  });

  test('an integration logging during the build is not an after-build step', () => {
    const phases = parseAstroLog(
      '00:00:01 [runbooks:early] hello\n00:00:02 [build] Collecting build info...\n00:00:02 [build] ✓ Completed in 1.00s.\n00:00:03 [runbooks:sync] hello\n',
    );
    assert.deepEqual(phases.afterBuildSteps, []);
  });

  test('the lines our build script prints before Astro’s change nothing', () => {
    const wrapped = `12 content warnings (npm run check lists them)\n${log}`;
    assert.deepEqual(parseAstroLog(wrapped), parseAstroLog(log));
  });

  test('pages an incremental rebuild restored are not render times', () => {
    const phases = parseAstroLog(' generating static routes \n00:00:01   ├─ /runbooks/a/b/index.html (restored)\n00:00:01   ├─ /404.html (+5ms)\n');
    assert.deepEqual(phases.sections, [{ section: '/404.html', pages: 1, ms: 5 }]);
  });

  test('colours from a terminal are ignored', () => {
    assert.equal(parseAstroLog('\x1b[2m00:23:00\x1b[22m \x1b[34m[types]\x1b[39m Generated 3.85s').contentSyncMs, 3850);
  });

  test('a "Completed" of another section (images) is not taken for the routes', () => {
    const phases = parseAstroLog(' generating optimized images \n✓ Completed in 2.00s.\n');
    assert.equal(phases.staticRoutesMs, undefined);
  });

  test('a build that died early has only what it printed', () => {
    assert.deepEqual(parseAstroLog('00:23:00 [types] Generated 1.66s\n[ERROR] boom\n'), {
      contentSyncMs: 1660,
      viteBuildsMs: [],
      sections: [],
      afterBuildSteps: [],
    });
  });
});

describe('countRestoredPages', () => {
  // As Astro prints them to a terminal: the path dimmed, the mark green, page lines of rendered pages beside them.
  const excerpt = [
    '\u001b[2m00:41:07\u001b[22m \u001b[42m\u001b[30m generating static routes \u001b[39m\u001b[49m',
    '\u001b[2m00:41:07\u001b[22m   \u001b[32m├─\u001b[39m \u001b[2m/runbooks/a/b/index.html\u001b[22m \u001b[32m(restored)\u001b[39m',
    '\u001b[2m00:41:07\u001b[22m   \u001b[32m├─\u001b[39m \u001b[2m/runbooks/a/c/index.html\u001b[22m \u001b[32m(cached)\u001b[39m',
    '\u001b[2m00:41:07\u001b[22m   \u001b[34m├─\u001b[39m \u001b[2m/runbooks/a/d/index.html\u001b[22m \u001b[2m(+12ms)\u001b[22m ',
    '\u001b[2m00:41:08\u001b[22m   \u001b[32m└─\u001b[39m \u001b[2m/alerts/A/index.html\u001b[22m \u001b[32m(restored)\u001b[39m',
    '\u001b[2m00:41:08\u001b[22m \u001b[32m✓ Completed in 1.20s.\u001b[39m',
    '',
  ].join('\n');

  test('both marks of a copied page count, rendered pages do not', () => assert.equal(countRestoredPages(excerpt), 3));

  test('the same without colours, as Astro writes to a file', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping the colours of the excerpt above.
    assert.equal(countRestoredPages(excerpt.replace(/\u001b\[[0-9;]*m/g, '')), 3);
  });

  test('a cold build restores nothing, and a mention of the word elsewhere is not a page', () => {
    assert.equal(countRestoredPages('00:00:01   ├─ /404.html (+5ms)\n[runbooks:post-build] nothing (restored)\n'), 0);
  });
});

describe('phaseAt', () => {
  // 1 s start-up, 4 s sync, 40 s of Vite, 30 s of routes (the static build is 70 s), then the hooks.
  const phases = { viteBuildsMs: [], sections: [], afterBuildSteps: [], collectMs: 4000, staticBuildMs: 70_000, staticRoutesMs: 30_000 };
  const cases: [number, string | undefined][] = [
    [500, 'start-up'],
    [1000, 'content sync'],
    [44_999, 'vite builds'],
    [45_000, 'static routes'],
    [74_999, 'static routes'],
    [75_000, 'after build'],
    [200_000, 'after build'],
  ];
  for (const [atMs, phase] of cases) test(`${atMs} ms → ${phase}`, () => assert.equal(phaseAt(phases, 1000, atMs), phase));

  test('without the timings there is no telling', () => {
    assert.equal(phaseAt({ viteBuildsMs: [], sections: [], afterBuildSteps: [] }, 1000, 5000), undefined);
  });
});
