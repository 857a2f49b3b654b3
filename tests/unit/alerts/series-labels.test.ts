import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { knownSeriesLabels } from '../../../src/lib/alerts/series-labels.ts';
import { SERIES_LABELS_CASES } from './series-labels-cases.ts';

describe('knownSeriesLabels', () => {
  for (const { expr, known, why } of SERIES_LABELS_CASES) {
    test(`${why}: ${expr.replaceAll('\n', '\\n')}`, () => {
      const found = knownSeriesLabels(expr);
      assert.deepEqual(found === 'unknown' ? found : [...found].sort(), known);
    });
  }

  test('a long chain of operators answers', () => {
    const expr = Array.from({ length: 100 }, () => 'up{job="api"}').join(' and ');
    assert.deepEqual(knownSeriesLabels(expr), new Set(['job']));
  });

  // The tree is walked recursively: a hostile rule file must get an answer, not a stack overflow.
  for (const [name, expr] of [
    ['300 nested function calls', `${'abs('.repeat(300)}up{job="api"}${')'.repeat(300)}`],
    ['600 nested parentheses', `${'('.repeat(600)}up{job="api"}${')'.repeat(600)}`],
    ['a 20,000-operand chain (over the length limit)', Array.from({ length: 20_000 }, () => 'up{job="api"}').join(' and ')],
  ]) {
    test(`${name}: unknown`, () => assert.equal(knownSeriesLabels(expr!), 'unknown'));
  }
});
