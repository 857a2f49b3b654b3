import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluateTargets, TARGETS, type TargetFigures } from '../src/targets.ts';

describe('evaluateTargets', () => {
  const status = (figures: TargetFigures) => Object.fromEntries(evaluateTargets(figures).map((result) => [result.figure, result.status]));

  test('at the limit passes, above it fails', () => {
    assert.deepEqual(
      status({ buildWallRatio: 1.15, peakRssRatio: 1.16, runbookHtmlGzipRatio: 1.29, jsBeforeSearchGzipBytes: 6 * 1024 + 1, searchMedianMs: 100 }),
      { buildWallRatio: 'pass', peakRssRatio: 'fail', runbookHtmlGzipRatio: 'pass', jsBeforeSearchGzipBytes: 'fail', searchMedianMs: 'pass' },
    );
  });

  test('a figure the run did not measure is neither pass nor fail', () => {
    assert.deepEqual(status({ buildWallRatio: 2, searchMedianMs: Number.NaN }), {
      buildWallRatio: 'fail',
      peakRssRatio: 'not measured',
      runbookHtmlGzipRatio: 'not measured',
      jsBeforeSearchGzipBytes: 'not measured',
      searchMedianMs: 'not measured',
    });
  });

  test('the targets of issue 7', () => {
    assert.deepEqual(
      TARGETS.map((target) => [target.figure, target.limit]),
      [
        ['buildWallRatio', 1.15],
        ['peakRssRatio', 1.15],
        ['runbookHtmlGzipRatio', 1.3],
        ['jsBeforeSearchGzipBytes', 6144],
        ['searchMedianMs', 100],
      ],
    );
  });
});
