import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { formatReport, type Report } from '../src/report.ts';
import { readResult, roundForJson } from '../src/result-file.ts';

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
