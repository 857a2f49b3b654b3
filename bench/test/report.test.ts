import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Build } from '../src/measure-build.ts';
import { assembleReport, formatReport, type Report } from '../src/report.ts';
import { readResult, roundForJson, writeResult } from '../src/result-file.ts';

const fixturePath = (name: string) => join(import.meta.dirname, 'fixtures', name);
const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');

describe('formatReport of committed results', () => {
  // The .txt fixtures are what the benchmark printed for these two results before its split into modules: a result
  // must read the same whichever version prints it. The results themselves were recorded from uncommitted trees,
  // so they name no commit: they are kept here as test inputs, not in bench/results as figures.
  const cases: [string, string, string][] = [
    ['a full run: search and PDF measured', '2026-11-28-1000-5.json', '2026-11-28-1000-5.txt'],
    ['the .md corpus with search and PDF skipped', '2026-11-28-1000-md.json', '2026-11-28-1000-md.txt'],
  ];
  for (const [name, result, printed] of cases) test(name, () => assert.equal(formatReport(readResult(fixturePath(result))), fixture(printed)));
});

describe('formatReport', () => {
  const report = readResult(fixturePath('2026-11-28-1000-md.json'));

  test('a run allowed on uncommitted changes says why, under the heading', () => {
    const dirty: Report = { ...report, git: { commit: 'abc', dirty: true, allowDirty: 'trying a fix' } };
    const lines = formatReport(dirty).split('\n');
    assert.match(lines[0]!, /^Benchmark: 1000 runbooks/);
    assert.equal(lines[2], 'Uncommitted changes allowed (--allow-dirty): trying a fix');
  });

  test('a clean run prints no such line', () => {
    assert.doesNotMatch(formatReport({ ...report, git: { commit: 'abc', dirty: false } }), /--allow-dirty/);
  });

  test('a failed PDF prints its error', () => {
    const failed: Report = { ...report, pdf: { error: 'npm run pdf failed (exit 1)', wallMs: 1500, peakRssBytes: 2 * 1024 ** 3 } };
    assert.match(formatReport(failed), /^PDF: failed after 1\.5 s, peak RSS 2\.00 GiB\nnpm run pdf failed \(exit 1\)$/m);
  });

  test('a search whose runbook never came first reads "never" once written and read back', () => {
    const search = {
      typeDelayMs: 0,
      medianMs: Number.POSITIVE_INFINITY,
      failed: 1,
      alreadyFirst: 0,
      queries: [{ alert: 'A', path: '/runbooks/a/', error: 'not first' }],
    };
    const written = JSON.parse(JSON.stringify({ ...report, search }, roundForJson)) as Report;
    assert.match(formatReport(written), /Exact alert → first result, median\s+never/);
    assert.match(formatReport(written), /Range over the queries found\s+-/);
  });
});

describe('formatReport of a run with warm rebuilds', () => {
  // The .md fixture's run again, with its one pair measured as a run does now: each build with its kind, and ours
  // rebuilt warm after its cold build.
  const old = readResult(fixturePath('2026-11-28-1000-md.json'));
  const [ours, baseline] = old.builds as [Build, Build];
  const warmBuild: Build = {
    ...ours,
    kind: 'warm',
    wallMs: 19_800,
    cpuMs: ours.cpuMs * 0.4,
    peakRssBytes: ours.peakRssBytes * 0.8,
    phases: { ...ours.phases, contentSyncMs: 2100, staticRoutesMs: 1900, totalMs: 18_600, sections: [] },
    restoredPages: 5012,
    log: 'logs/ours-1-warm.log',
  };
  const run = (builds: Build[], ext: 'md' | 'mdx' = 'md', skipWarm = false) => assembleReport({ ...old, options: { ...old.options, ext, skipWarm }, builds });
  const warmRun = run([{ ...ours, kind: 'cold' }, warmBuild, { ...baseline, kind: 'cold' }]);
  const printed = formatReport(warmRun);

  test('the warm figures, against ours’ cold build', () => {
    assert.match(printed, /^Benchmark: 1000 runbooks \(\.md\), 1 cold build pair\(s\), 1 warm rebuild\(s\) of ours, 2 CPUs/);
    assert.match(printed, /^Wall time \(npm run build\)\s+36\.5 s\s+19\.8 s\s+0\.54×$/m);
    assert.match(printed, /^Static routes \(what Astro renders\)\s+6\.1 s\s+1\.9 s\s+0\.31×$/m);
    assert.match(printed, /^Pages restored, not rendered\s+5012 of 5015$/m);
    assert.match(printed, /^Content sync \+ types \(\.md rendered here\)\s+11\.7 s\s+2\.1 s\s+0\.18×$/m);
  });

  test('the cold tables leave the warm build out', () => {
    const coldOnly = formatReport(
      run([
        { ...ours, kind: 'cold' },
        { ...baseline, kind: 'cold' },
      ]),
    );
    const table = (text: string) => text.slice(text.indexOf('Build  '), text.indexOf('Render time by section'));
    assert.equal(table(printed), table(coldOnly).replace('Start-up (before Astro starts timing)', 'Outside Astro (start-up; ours: content check, swap)'));
  });

  test('the warm targets are judged on the .md corpus, and kept without a verdict on .mdx', () => {
    assert.match(printed, /^Warm rebuild: static routes vs cold \(\.md\)\s+0\.31×\s+≤ 0\.50×\s+PASS$/m);
    assert.match(printed, /^Warm rebuild: npm run build vs cold \(\.md\)\s+0\.54×\s+≤ 0\.60×\s+PASS$/m);
    const mdx = formatReport(run(warmRun.builds, 'mdx'));
    assert.match(mdx, /^Warm rebuild: npm run build vs cold \(\.md\)\s+0\.54×\s+≤ 0\.60×\s+no verdict$/m);
    assert.doesNotMatch(mdx, /indicative only/);
    assert.match(printed, /^\(The targets are set for N = 1000 and the \.mdx corpus, those marked \(\.md\) for the \.md one;/m);
  });

  test('--skip-warm says so', () => {
    const skipped = formatReport(
      run(
        [
          { ...ours, kind: 'cold' },
          { ...baseline, kind: 'cold' },
        ],
        'md',
        true,
      ),
    );
    assert.match(skipped, /^Warm rebuild: skipped \(--skip-warm\)$/m);
    assert.match(skipped, /^Warm rebuild: npm run build vs cold \(\.md\)\s+not measured\s+≤ 0\.60×\s+-$/m);
  });

  test('prints the same once written and read back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
    try {
      const written = readResult(writeResult(warmRun, dir));
      assert.equal(written.builds[1]?.kind, 'warm');
      assert.equal(written.builds[1]?.restoredPages, 5012);
      assert.equal(formatReport(written), printed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the committed results written before warm rebuilds', () => {
  // No build kinds, no `warm`, no `skipWarm`: they still print, with neither a warm table nor a warm target (the
  // fixtures above are checked byte for byte). Later results, which have build kinds, are not these.
  const results = join(import.meta.dirname, '../results');
  const older = readdirSync(results)
    .filter((file) => file.endsWith('.json'))
    .map((file) => [file, readResult(join(results, file))] as const)
    .filter(([, result]) => result.builds.every((build) => build.kind === undefined));
  for (const [name, result] of older) {
    test(name, () => {
      const printed = formatReport(result);
      assert.match(printed, /^Start-up \(before Astro starts timing\)/m);
      assert.doesNotMatch(printed, /[Ww]arm/);
    });
  }
});
