import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatMs, formatSpread, formatTable, formatTargets } from '../src/table.ts';
import { evaluateTargets } from '../src/targets.ts';

describe('formatMs', () => {
  const cases: [number, string][] = [
    [12.4, '12 ms'],
    [999.4, '999 ms'],
    [86_246, '86.2 s'],
    [Number.POSITIVE_INFINITY, 'never'],
  ];
  for (const [ms, text] of cases) test(`${ms} → ${text}`, () => assert.equal(formatMs(ms), text));
});

describe('formatSpread', () => {
  test('median with the range of the pairs', () => assert.equal(formatSpread({ median: 2.2, min: 2.05, max: 2.4 }), '2.20× (2.05–2.40)'));
  test('a single pair has no range to show', () => assert.equal(formatSpread({ median: 1.1, min: 1.1, max: 1.1 }), '1.10×'));
});

describe('formatTable', () => {
  test('labels left, figures right, a rule under the header', () => {
    assert.equal(
      formatTable(
        ['What', 'Ours', 'Baseline'],
        [
          ['Wall', '86.2 s', '29.1 s'],
          ['Pages', '5013', '1000'],
        ],
      ),
      ['What     Ours  Baseline', '-----  ------  --------', 'Wall   86.2 s    29.1 s', 'Pages    5013      1000'].join('\n'),
    );
  });
});

describe('formatTargets', () => {
  test('each target with what was measured, the limit and the verdict', () => {
    const table = formatTargets(evaluateTargets({ buildWallRatio: 2.2, jsBeforeSearchGzipBytes: 3000 }));
    const lines = table.split('\n');
    assert.match(lines[2]!, /^Build wall time vs baseline\s+2\.20×\s+≤ 1\.15×\s+FAIL$/);
    assert.match(lines[3]!, /^Build peak memory vs baseline\s+not measured\s+≤ 1\.15×\s+-$/);
    assert.match(lines[5]!, /^JavaScript before search \(gzip\)\s+2\.9 KiB \(3000 B\)\s+≤ 6\.0 KiB \(6144 B\)\s+PASS$/);
    assert.match(lines[6]!, /^Exact alert → first result \(median\)\s+not measured\s+≤ 100 ms\s+-$/);
  });
});
