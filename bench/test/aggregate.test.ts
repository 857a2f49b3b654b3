import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildRatios, medianOf, peakPhases, phaseMedians, pick, sectionMedians, stepMedians, targetFigures, warmFigures } from '../src/aggregate.ts';
import type { Build } from '../src/measure-build.ts';
import type { SiteSize } from '../src/site-size.ts';

/** A successful build with the given figures; the rest zero or empty. */
function build(side: Build['side'], pair: number, fields: Partial<Build> = {}): Build {
  return {
    side,
    pair,
    wallMs: 0,
    peakRssBytes: 0,
    peakAtMs: 0,
    cpuMs: 0,
    samples: 1,
    exitCode: 0,
    signal: null,
    timedOut: false,
    phases: { viteBuildsMs: [], sections: [], afterBuildSteps: [] },
    log: `${side}-${pair}.log`,
    ...fields,
  };
}

describe('buildRatios', () => {
  test('per pair, whichever side was built first', () => {
    const builds = [
      build('ours', 1, { wallMs: 30, peakRssBytes: 200, cpuMs: 10 }),
      build('baseline', 1, { wallMs: 20, peakRssBytes: 100, cpuMs: 10 }),
      build('baseline', 2, { wallMs: 10, peakRssBytes: 100, cpuMs: 10 }),
      build('ours', 2, { wallMs: 20, peakRssBytes: 300, cpuMs: 20 }),
    ];
    assert.deepEqual(buildRatios(builds), {
      wall: { median: 1.75, min: 1.5, max: 2 },
      peakRss: { median: 2.5, min: 2, max: 3 },
      cpu: { median: 1.5, min: 1, max: 2 },
    });
  });

  test('a pair missing a side is left out', () => {
    const ratios = buildRatios([build('ours', 1, { wallMs: 2 }), build('baseline', 1, { wallMs: 1 }), build('ours', 2, { wallMs: 99 })]);
    assert.deepEqual(ratios.wall, { median: 2, min: 2, max: 2 });
  });

  test('no builds, no ratios', () => assert.deepEqual(buildRatios([]), { wall: undefined, peakRss: undefined, cpu: undefined }));

  test('warm rebuilds are not compared with the baseline', () => {
    const ratios = buildRatios([
      build('ours', 1, { kind: 'cold', wallMs: 30 }),
      build('ours', 1, { kind: 'warm', wallMs: 3 }),
      build('baseline', 1, { kind: 'cold', wallMs: 20 }),
    ]);
    assert.deepEqual(ratios.wall, { median: 1.5, min: 1.5, max: 1.5 });
  });
});

describe('pick', () => {
  test('the cold builds of a side, with or without a kind (results written before warm builds have none)', () => {
    const builds = [build('ours', 1), build('ours', 2, { kind: 'cold' }), build('ours', 2, { kind: 'warm' }), build('baseline', 2, { kind: 'cold' })];
    assert.deepEqual(
      pick(builds, 'ours').map((item) => [item.pair, item.kind]),
      [
        [1, undefined],
        [2, 'cold'],
      ],
    );
  });
});

describe('warmFigures', () => {
  const phases = (staticRoutesMs: number, pages = 5000) => ({ viteBuildsMs: [], sections: [], afterBuildSteps: [], staticRoutesMs, pages });
  // Three pairs, the baseline between them as a run builds it; each warm build against its own pair's cold one.
  const builds = [
    build('ours', 1, { kind: 'cold', wallMs: 100_000, cpuMs: 150_000, peakRssBytes: 1000, phases: phases(30_000) }),
    build('ours', 1, { kind: 'warm', wallMs: 40_000, cpuMs: 45_000, peakRssBytes: 800, phases: phases(6000), restoredPages: 4990 }),
    build('baseline', 1, { kind: 'cold', wallMs: 60_000 }),
    build('baseline', 2, { kind: 'cold', wallMs: 60_000 }),
    build('ours', 2, { kind: 'cold', wallMs: 80_000, cpuMs: 150_000, peakRssBytes: 1000, phases: phases(20_000) }),
    build('ours', 2, { kind: 'warm', wallMs: 40_000, cpuMs: 60_000, peakRssBytes: 900, phases: phases(2000), restoredPages: 4991 }),
    build('ours', 3, { kind: 'cold', wallMs: 90_000, cpuMs: 150_000, peakRssBytes: 1000, phases: phases(30_000) }),
    build('ours', 3, { kind: 'warm', wallMs: 45_000, cpuMs: 75_000, peakRssBytes: 1000, phases: phases(3000), restoredPages: 4990 }),
  ];

  test('warm / cold per pair, and the warm figures themselves, as median and range', () => {
    const warm = warmFigures(builds);
    assert.ok(warm);
    assert.deepEqual(
      { ...warm, phases: undefined },
      {
        builds: 3,
        wallMs: { median: 40_000, min: 40_000, max: 45_000 },
        staticRoutesMs: { median: 3000, min: 2000, max: 6000 },
        restoredPages: { median: 4990, min: 4990, max: 4991 },
        pages: { median: 5000, min: 5000, max: 5000 },
        ratios: {
          wall: { median: 0.5, min: 0.4, max: 0.5 },
          staticRoutes: { median: 0.1, min: 0.1, max: 0.2 },
          cpu: { median: 0.4, min: 0.3, max: 0.5 },
          peakRss: { median: 0.9, min: 0.8, max: 1 },
        },
        phases: undefined,
      },
    );
    assert.equal(warm.phases.wallMs, 40_000, 'the phases are the warm builds’ medians');
  });

  test('a ratio needs both builds of the pair to have the figure', () => {
    const warm = warmFigures([
      build('ours', 1, { kind: 'cold', wallMs: 10, phases: phases(5) }),
      build('ours', 1, { kind: 'warm', wallMs: 5 }),
      build('ours', 2, { kind: 'warm', wallMs: 1, phases: phases(1) }), // its cold build failed to parse: no pair
    ]);
    assert.deepEqual(warm?.ratios.wall, { median: 0.5, min: 0.5, max: 0.5 });
    assert.equal(warm?.ratios.staticRoutes, undefined);
    assert.equal(warm?.restoredPages, undefined);
  });

  test('no warm builds (--skip-warm, or an older result), no figures', () => {
    assert.equal(warmFigures([build('ours', 1), build('baseline', 1)]), undefined);
  });
});

describe('medianOf', () => {
  const cases: [string, (number | undefined)[], number | undefined][] = [
    ['all present', [3, 1, 2], 2],
    ['the missing are skipped, not counted as zero', [undefined, 4, 2], 3],
    ['none present', [undefined, undefined], undefined],
  ];
  for (const [name, values, expected] of cases) {
    test(name, () => {
      const builds = values.map((value, index) =>
        build('ours', index + 1, { phases: { viteBuildsMs: [], sections: [], afterBuildSteps: [], totalMs: value } }),
      );
      assert.equal(
        medianOf(builds, (item) => item.phases.totalMs),
        expected,
      );
    });
  }
});

describe('phaseMedians', () => {
  test('phases from Astro’s timings, start-up from the wall time outside them', () => {
    const phases = {
      contentSyncMs: 1000,
      viteBuildsMs: [3000, 100],
      staticRoutesMs: 2000,
      collectMs: 1500,
      staticBuildMs: 6000,
      totalMs: 9000,
      sections: [],
      afterBuildSteps: [],
    };
    const medians = phaseMedians([build('ours', 1, { wallMs: 10_000, phases })]);
    assert.deepEqual(
      { ...medians, sections: undefined, afterBuildSteps: undefined },
      {
        contentSyncMs: 1000,
        viteBuildsMs: 3100,
        staticRoutesMs: 2000,
        afterBuildMs: 1500, // total − collect − static build: the astro:build:done hooks
        astroTotalMs: 9000,
        startupMs: 1000,
        pagefindCliMs: undefined,
        wallMs: 10_000,
        sections: undefined,
        afterBuildSteps: undefined,
      },
    );
  });

  test('the baseline’s separate pagefind run is not start-up', () => {
    const pagefindCli = { ...build('baseline', 1, { wallMs: 500 }) };
    const medians = phaseMedians([
      build('baseline', 1, { wallMs: 10_000, pagefindCli, phases: { viteBuildsMs: [], sections: [], afterBuildSteps: [], totalMs: 9000 } }),
    ]);
    assert.equal(medians.startupMs, 500);
    assert.equal(medians.pagefindCliMs, 500);
  });

  test('a log without Astro’s timings gives no phases, not zeros', () => {
    const medians = phaseMedians([build('ours', 1, { wallMs: 5000 })]);
    assert.equal(medians.contentSyncMs, undefined);
    assert.equal(medians.viteBuildsMs, undefined);
    assert.equal(medians.afterBuildMs, undefined);
    assert.equal(medians.startupMs, undefined);
    assert.equal(medians.wallMs, 5000);
  });
});

describe('sectionMedians and stepMedians', () => {
  const builds = [
    build('ours', 1, {
      phases: {
        viteBuildsMs: [],
        sections: [
          { section: '/runbooks/', pages: 20, ms: 300 },
          { section: '/alerts/', pages: 99, ms: 400 },
        ],
        afterBuildSteps: [{ integration: 'runbooks:post-build', message: 'indexed', ms: 1000 }],
      },
    }),
    build('ours', 2, {
      phases: {
        viteBuildsMs: [],
        sections: [
          { section: '/runbooks/', pages: 20, ms: 500 },
          { section: '/alerts/', pages: 99, ms: 200 },
        ],
        afterBuildSteps: [{ integration: 'runbooks:post-build', message: 'indexed', ms: 3000 }],
      },
    }),
  ];

  test('sections by median render time, slowest first', () => {
    assert.deepEqual(sectionMedians(builds), [
      { section: '/runbooks/', pages: 20, ms: 400 },
      { section: '/alerts/', pages: 99, ms: 300 },
    ]);
  });

  test('after-build steps by integration', () => {
    assert.deepEqual(stepMedians(builds), [{ integration: 'runbooks:post-build', ms: 2000 }]);
  });
});

describe('peakPhases', () => {
  const cases: [string, Build['peakPhase'][], string][] = [
    ['one build', ['static routes'], 'static routes'],
    ['repeats are counted', ['static routes', 'after build', 'static routes'], 'static routes ×2, after build'],
    ['unknown is shown as such', [undefined, 'pagefind --site'], '?, pagefind --site'],
  ];
  for (const [name, phases, expected] of cases) {
    test(name, () => assert.equal(peakPhases(phases.map((peakPhase, index) => build('ours', index + 1, { peakPhase }))), expected));
  }
});

describe('targetFigures', () => {
  const site = (gzipBytes: number, jsGzipBytes: number): SiteSize => ({
    htmlPages: 1,
    runbookPages: 1,
    bytes: 1,
    pagefindBytes: 1,
    runbookHtml: { rawBytes: 1, gzipBytes },
    jsBeforeSearch: { files: [], rawBytes: jsGzipBytes, gzipBytes: jsGzipBytes },
  });
  const ratios = { wall: { median: 1.5, min: 1, max: 2 }, peakRss: undefined, cpu: undefined };

  test('the figures the targets judge, from the ratios, the sizes and the search', () => {
    assert.deepEqual(
      targetFigures(ratios, { ours: site(1300, 3829), baseline: site(1000, 0) }, { typeDelayMs: 0, medianMs: 6, failed: 0, alreadyFirst: 0, queries: [] }),
      {
        buildWallRatio: 1.5,
        peakRssRatio: undefined,
        runbookHtmlGzipRatio: 1.3,
        jsBeforeSearchGzipBytes: 3829,
        searchMedianMs: 6,
        warmStaticRoutesRatio: undefined,
        warmWallRatio: undefined,
      },
    );
  });

  test('the warm rebuild’s figures are the medians of its per-pair ratios', () => {
    const warm = warmFigures([
      build('ours', 1, { kind: 'cold', wallMs: 100, phases: { viteBuildsMs: [], sections: [], afterBuildSteps: [], staticRoutesMs: 50 } }),
      build('ours', 1, { kind: 'warm', wallMs: 55, phases: { viteBuildsMs: [], sections: [], afterBuildSteps: [], staticRoutesMs: 10 } }),
    ]);
    const figures = targetFigures(ratios, { ours: site(1, 1), baseline: site(1, 1) }, { skipped: '--skip-search' }, warm);
    assert.equal(figures.warmWallRatio, 0.55);
    assert.equal(figures.warmStaticRoutesRatio, 0.2);
  });

  test('a skipped search is not measured', () => {
    assert.equal(targetFigures(ratios, { ours: site(1, 1), baseline: site(1, 1) }, { skipped: '--skip-search' }).searchMedianMs, undefined);
  });
});
