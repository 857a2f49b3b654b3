import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { alertFilterText, filterWords, matchesWords } from '../../../src/lib/web/alert-filter.ts';

describe('alertFilterText', () => {
  test('alert, service and title, lower-cased', () =>
    assert.equal(alertFilterText({ alert: 'KubePodCrashLooping', service: 'payments', title: 'Pods Crash' }), 'kubepodcrashlooping payments pods crash'));
});

describe('filtering the alert index', () => {
  const row = alertFilterText({ alert: 'DB_CPU_HIGH', service: 'co-platform', title: 'High database latency' });
  const cases: [string, string[], boolean][] = [
    ['', [], true],
    ['   ', [], true],
    ['db_cpu', ['db_cpu'], true],
    ['LATENCY  co-platform', ['latency', 'co-platform'], true],
    ['latency high', ['latency', 'high'], true],
    ['latency redis', ['latency', 'redis'], false],
    ['db cpu', ['db', 'cpu'], true],
  ];
  for (const [query, words, matches] of cases) {
    test(`${JSON.stringify(query)} → ${JSON.stringify(words)}, ${matches ? 'shown' : 'hidden'}`, () => {
      assert.deepEqual(filterWords(query), words);
      assert.equal(matchesWords(row, filterWords(query)), matches);
    });
  }
});
