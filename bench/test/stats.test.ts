import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evenlySpaced, median, pairRatios, ratio, spread } from '../src/stats.ts';

describe('median', () => {
  const cases: [number[], number][] = [
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 1], 10],
    [[-1, 1], 0],
  ];
  for (const [values, expected] of cases) {
    test(`${JSON.stringify(values)} → ${expected}`, () => assert.equal(median(values), expected));
  }

  test('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    assert.deepEqual(values, [3, 1, 2]);
  });

  test('refuses an empty list rather than inventing a value', () => {
    assert.throws(() => median([]), /median of no values/);
  });
});

describe('ratio', () => {
  const cases: [number, number, number | undefined][] = [
    [115, 100, 1.15],
    [50, 100, 0.5],
    [0, 100, 0],
    [100, 0, undefined],
  ];
  for (const [ours, baseline, expected] of cases) {
    test(`${ours} / ${baseline} → ${expected}`, () => assert.equal(ratio(ours, baseline), expected));
  }
});

describe('spread', () => {
  test('median with the smallest and largest value', () => {
    assert.deepEqual(spread([1.3, 1.1, 1.2]), { median: 1.2, min: 1.1, max: 1.3 });
  });
});

describe('pairRatios', () => {
  test('the median of per-pair ratios, not the ratio of medians', () => {
    // Ratio of medians would be 20/10 = 2; the pairs say ours is 1.5× to 3× the baseline, median 2.5.
    const pairs = [
      { ours: 15, baseline: 10 },
      { ours: 20, baseline: 8 },
      { ours: 30, baseline: 10 },
    ];
    assert.deepEqual(pairRatios(pairs), { median: 2.5, min: 1.5, max: 3 });
  });

  test('a pair with a zero baseline is left out', () => {
    assert.deepEqual(
      pairRatios([
        { ours: 2, baseline: 1 },
        { ours: 5, baseline: 0 },
      ]),
      { median: 2, min: 2, max: 2 },
    );
  });

  test('no usable pair gives no figure', () => {
    assert.equal(pairRatios([]), undefined);
    assert.equal(pairRatios([{ ours: 1, baseline: 0 }]), undefined);
  });
});

describe('evenlySpaced', () => {
  const cases: [number[], number, number[]][] = [
    [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5, [0, 2, 4, 6, 8]],
    [[0, 1, 2, 3, 4, 5, 6], 3, [0, 2, 4]],
    [[0, 1], 10, [0, 1]],
    [[], 3, []],
  ];
  for (const [items, count, expected] of cases) {
    test(`${count} of ${items.length}`, () => assert.deepEqual(evenlySpaced(items, count), expected));
  }
});
