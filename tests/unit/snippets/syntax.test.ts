import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { jsonFault, promqlFault, yamlFault } from '../../../src/lib/snippets/syntax.ts';

describe('PromQL syntax (Prometheus’s own grammar)', () => {
  test('valid queries', () => {
    for (const query of [
      'rate(x[5m])',
      'sum by (a) (rate(x{job=~"a.*"}[5m])) > 0.5',
      'histogram_quantile(0.99, sum by (le) (rate(h_bucket[5m])))',
      'x offset 5m',
      'topk(10, x)',
    ])
      assert.equal(promqlFault(query), undefined, query);
  });
  const cases: [string, number, string][] = [
    ['rate(x[5m]', 10, 'unexpected end of the query: the "(" is never closed'],
    ['sum(rate(x{job="a"}[5m])', 24, 'unexpected end of the query: the "(" is never closed'],
    ['up{job="a"', 10, 'unexpected end of the query: the "{" is never closed'],
    ['up +', 4, 'unexpected end of the query'],
    ['foo bar', 4, 'unexpected "bar"'],
  ];
  for (const [query, index, message] of cases) test(query, () => assert.deepEqual(promqlFault(query), { index, message }));
});

describe('YAML and JSON', () => {
  test('a tab-indented YAML block, and several documents', () => {
    assert.deepEqual(yamlFault('spec:\n\treplicas: 2\n'), { index: 6, message: 'Tabs are not allowed as indentation' });
    assert.equal(yamlFault('a: 1\n---\nb: [1, 2]\n'), undefined);
    // In the second document: offsets count from the block's start.
    assert.equal(yamlFault('a: 1\n---\nb: [1, 2\n')?.index, 18);
  });
  test('JSON: the position JSON.parse names, or the end', () => {
    assert.deepEqual(jsonFault('{"a": 1,}'), { index: 8, message: 'Expected double-quoted property name' });
    assert.deepEqual(jsonFault('{"a": '), { index: 5, message: 'Unexpected end' });
    assert.equal(jsonFault('[1, {"b": null}]'), undefined);
  });
});
