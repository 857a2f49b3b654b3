import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatTargets } from '../src/table.ts';
import { evaluateTargets, TARGETS, type Target, type TargetFigures } from '../src/targets.ts';

describe('evaluateTargets', () => {
  // A target of each unit, so that the verdict is seen not to depend on what the figure counts.
  const targets: Target[] = [
    { figure: 'buildWallRatio', label: 'ratio', limit: 1.15, unit: 'ratio' },
    { figure: 'jsBeforeSearchGzipBytes', label: 'bytes', limit: 6144, unit: 'bytes' },
    { figure: 'searchMedianMs', label: 'ms', limit: 100, unit: 'ms' },
  ];
  const verdict = (figures: TargetFigures) => evaluateTargets(figures, targets).map((result) => result.status);

  const cases: [string, TargetFigures, string[]][] = [
    ['under every limit passes', { buildWallRatio: 0.9, jsBeforeSearchGzipBytes: 3000, searchMedianMs: 6 }, ['pass', 'pass', 'pass']],
    ['at the limit passes', { buildWallRatio: 1.15, jsBeforeSearchGzipBytes: 6144, searchMedianMs: 100 }, ['pass', 'pass', 'pass']],
    ['just over fails', { buildWallRatio: 1.1501, jsBeforeSearchGzipBytes: 6145, searchMedianMs: 100.5 }, ['fail', 'fail', 'fail']],
    ['not measured is neither', { searchMedianMs: Number.NaN }, ['not measured', 'not measured', 'not measured']],
    ['a zero is a measurement (no JavaScript at all)', { jsBeforeSearchGzipBytes: 0 }, ['not measured', 'pass', 'not measured']],
    ['an unfound search result is infinitely slow', { searchMedianMs: Number.POSITIVE_INFINITY }, ['not measured', 'not measured', 'fail']],
  ];
  for (const [name, figures, expected] of cases) test(name, () => assert.deepEqual(verdict(figures), expected));

  test('a target set for one corpus judges that corpus only; the other’s figure is kept without a verdict', () => {
    const md: Target = { figure: 'warmWallRatio', label: 'warm', limit: 0.6, unit: 'ratio', corpus: 'md' };
    const status = (value: number | undefined, ext?: 'md' | 'mdx') => evaluateTargets({ warmWallRatio: value }, [md], ext)[0]?.status;
    assert.equal(status(0.5, 'md'), 'pass');
    assert.equal(status(0.7, 'md'), 'fail');
    assert.equal(status(0.7, 'mdx'), 'other corpus');
    assert.equal(status(undefined, 'mdx'), 'not measured');
    assert.equal(status(0.7), 'fail', 'no corpus given: judged');
    // The targets without a corpus are judged on both, as before.
    assert.equal(evaluateTargets({ buildWallRatio: 2 }, [targets[0]!], 'md')[0]?.status, 'fail');
  });

  test('each result carries the value it was judged on, with its target', () => {
    assert.deepEqual(evaluateTargets({ searchMedianMs: 140 }, targets)[2], { ...targets[2], value: 140, status: 'fail' });
  });
});

describe('the targets of a run', () => {
  for (const target of TARGETS) {
    test(`${target.label}: its own limit passes, a little more fails`, () => {
      const [atLimit] = evaluateTargets({ [target.figure]: target.limit }, [target]);
      const over = evaluateTargets({ [target.figure]: target.limit * 1.01 + 1e-9 }, [target]);
      assert.equal(atLimit?.status, 'pass');
      assert.equal(over[0]?.status, 'fail');
    });
  }

  test('a figure is judged in the unit its name says it counts', () => {
    const unitOf = (figure: string) => (figure.endsWith('Ratio') ? 'ratio' : figure.endsWith('Bytes') ? 'bytes' : figure.endsWith('Ms') ? 'ms' : undefined);
    for (const target of TARGETS) assert.equal(target.unit, unitOf(target.figure), target.figure);
  });

  test('every figure a run can measure has a target', () => {
    const measured: Required<TargetFigures> = {
      buildWallRatio: 1,
      peakRssRatio: 1,
      runbookHtmlGzipRatio: 1,
      jsBeforeSearchGzipBytes: 1,
      searchMedianMs: 1,
      warmStaticRoutesRatio: 1,
      warmWallRatio: 1,
    };
    assert.deepEqual(TARGETS.map((target) => target.figure).sort(), Object.keys(measured).sort());
  });

  test('the warm-rebuild targets are the issue’s: ≤ 0.5× for what Astro renders, ≤ 0.6× for npm run build, on .md', () => {
    const warm = TARGETS.filter((target) => target.figure.startsWith('warm')).map(({ figure, limit, corpus }) => ({ figure, limit, corpus }));
    assert.deepEqual(warm, [
      { figure: 'warmStaticRoutesRatio', limit: 0.5, corpus: 'md' },
      { figure: 'warmWallRatio', limit: 0.6, corpus: 'md' },
    ]);
  });

  test('a figure without a verdict says so', () => {
    const table = formatTargets(evaluateTargets({ warmWallRatio: 0.7 }, undefined, 'mdx'));
    assert.match(table, /^Warm rebuild: npm run build vs cold \(\.md\)\s+0\.70×\s+≤ 0\.60×\s+no verdict$/m);
  });

  test('the verdict is printed in the unit of the figure', () => {
    const table = formatTargets(evaluateTargets({ buildWallRatio: 2, jsBeforeSearchGzipBytes: 3000, searchMedianMs: 6 }));
    assert.match(table, /2\.00×/);
    assert.match(table, /2\.9 KiB \(3000 B\)/);
    assert.match(table, /\b6 ms\b/);
  });
});
