import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildOrder, combine } from '../src/measure-build.ts';
import { searchQueries, summarizeSearch } from '../src/measure-search.ts';
import { failureMessage } from '../src/messages.ts';
import type { Measurement } from '../src/process-tree.ts';
import type { SearchTiming } from '../src/search-latency.ts';

const measurement = (fields: Partial<Measurement>): Measurement => ({
  wallMs: 0,
  peakRssBytes: 0,
  peakAtMs: 0,
  cpuMs: 0,
  samples: 0,
  exitCode: 0,
  signal: null,
  timedOut: false,
  ...fields,
});

describe('buildOrder', () => {
  const cases: [number, string[]][] = [
    [1, ['ours', 'baseline']],
    [2, ['baseline', 'ours']],
    [3, ['ours', 'baseline']],
  ];
  for (const [pair, order] of cases) test(`pair ${pair}: ${order.join(' then ')}`, () => assert.deepEqual(buildOrder(pair), order));
});

describe('combine (the baseline build and its pagefind run, as one)', () => {
  const astro = measurement({ wallMs: 8000, peakRssBytes: 600, peakAtMs: 5000, cpuMs: 5000, samples: 160 });

  test('times and samples add up; the peak is the larger one, and when it was', () => {
    assert.deepEqual(combine(astro, measurement({ wallMs: 500, peakRssBytes: 100, peakAtMs: 300, cpuMs: 400, samples: 10 }), 'vite builds'), {
      ...measurement({ wallMs: 8500, peakRssBytes: 600, peakAtMs: 5000, cpuMs: 5400, samples: 170 }),
      peakPhase: 'vite builds',
    });
  });

  test('a pagefind peak is placed after the build', () => {
    const combined = combine(astro, measurement({ wallMs: 500, peakRssBytes: 900, peakAtMs: 300 }), 'vite builds');
    assert.equal(combined.peakRssBytes, 900);
    assert.equal(combined.peakAtMs, 8300);
    assert.equal(combined.peakPhase, 'pagefind --site');
  });
});

describe('searchQueries', () => {
  const page = (slug: string, alerts: string[]) => ({ slug, data: { alerts } as never });

  test('spread over the runbooks with alerts, alternating first and last alert', () => {
    const pages = [page('a', ['A1', 'A2']), page('none', []), page('b', ['B1', 'B2']), page('c', ['C1']), page('d', ['D1', 'D2'])];
    assert.deepEqual(searchQueries(pages, 2), [
      { alert: 'A1', path: '/runbooks/a/' },
      { alert: 'C1', path: '/runbooks/c/' },
    ]);
    assert.deepEqual(
      searchQueries(pages, 10).map((query) => query.alert),
      ['A1', 'B2', 'C1', 'D2'],
    );
  });

  test('invalid runbooks (no data) are skipped', () => {
    assert.deepEqual(searchQueries([{ slug: 'broken', data: undefined }], 3), []);
  });
});

describe('summarizeSearch', () => {
  const timing = (shownMs: number | undefined, extra: Partial<SearchTiming> = {}): SearchTiming => ({
    alert: 'A',
    path: '/runbooks/a/',
    ...(shownMs !== undefined && { shownMs }),
    ...extra,
  });

  test('the median, with the range over the queries found', () => {
    const summary = summarizeSearch([timing(30), timing(10, { alreadyFirst: true }), timing(20)], 0);
    assert.deepEqual(
      { ...summary, queries: summary.queries.length },
      { typeDelayMs: 0, medianMs: 20, minMs: 10, maxMs: 30, failed: 0, alreadyFirst: 1, queries: 3 },
    );
  });

  test('a runbook never shown first counts as infinitely slow, so it cannot improve the median', () => {
    const summary = summarizeSearch([timing(10), timing(undefined, { error: 'not first' }), timing(undefined, { error: 'not first' })], 50);
    assert.equal(summary.medianMs, Number.POSITIVE_INFINITY);
    assert.equal(summary.failed, 2);
    assert.equal(summary.maxMs, 10);
  });

  test('none found: no range', () => {
    const summary = summarizeSearch([timing(undefined, { error: 'x' })], 0);
    assert.equal('minMs' in summary, false);
  });

  test('no queries at all: no median rather than a crash', () => assert.equal(summarizeSearch([], 0).medianMs, undefined));
});

describe('failureMessage', () => {
  const log = ['[pid=12][err] dbus noise', ...Array.from({ length: 20 }, (_, index) => `line ${index + 1}`), ''].join('\n');

  test('what failed, how, where the log is, and the end of the log without Chromium’s chatter', () => {
    const message = failureMessage('our build (pair 1)', measurement({ exitCode: 1 }), '/tmp/ours-1.log', log);
    const lines = message.split('\n');
    assert.equal(lines[0], 'our build (pair 1) failed (exit 1); log: /tmp/ours-1.log');
    assert.deepEqual(
      lines.slice(1),
      Array.from({ length: 15 }, (_, index) => `line ${index + 6}`),
    );
  });

  const how: [string, Partial<Measurement>, string][] = [
    ['a signal', { exitCode: null, signal: 'SIGKILL' }, 'failed (exit SIGKILL)'],
    ['a timeout', { exitCode: null, signal: 'SIGTERM', timedOut: true, wallMs: 1_200_000 }, 'failed (killed after 1200.0 s)'],
  ];
  for (const [name, fields, expected] of how) {
    test(name, () => assert.ok(failureMessage('npm run pdf', measurement(fields), 'pdf.log', '').includes(expected)));
  }
});
