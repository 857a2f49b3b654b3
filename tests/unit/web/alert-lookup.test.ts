import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type AlertRow, looksLikeAlertName, lookupAlert } from '../../../src/lib/web/alert-lookup.ts';

const row = (alert: string): AlertRow => ({ alert, runbook: `x/${alert.toLowerCase()}`, title: alert, severity: 'high', service: 'x' });
const alerts = ['DB_CPU_HIGH', 'DB_LATENCY_HIGH', 'KubePodCrashLooping', 'PAYMENTS_CPU_HIGH_50', 'RedisDown'].map(row);
const names = (rows: { alert: string }[]) => rows.map((r) => r.alert);

describe('lookupAlert', () => {
  test('exact name', () => assert.equal(lookupAlert('DB_CPU_HIGH', alerts).exact?.alert, 'DB_CPU_HIGH'));
  test('exact name in lower case', () => assert.equal(lookupAlert('kubepodcrashlooping', alerts).exact?.alert, 'KubePodCrashLooping'));
  test('surrounding spaces are ignored', () => assert.equal(lookupAlert('  RedisDown ', alerts).exact?.alert, 'RedisDown'));
  test('unknown alert-like name: no near miss poses as the answer', () => {
    const result = lookupAlert('PAYMENTS_CPU_HIGH_5', alerts);
    assert.equal(result.exact, undefined);
    assert.equal(result.unknownAlert, true);
    assert.deepEqual(result.partial, []);
  });
  test('partial camel-case words', () => assert.deepEqual(names(lookupAlert('podcrash', alerts).partial), ['KubePodCrashLooping']));
  test('partial prefix, shortest first', () => assert.deepEqual(names(lookupAlert('db cpu', alerts).partial), ['DB_CPU_HIGH']));
  test('partial: names that start with the query come first', () =>
    assert.deepEqual(names(lookupAlert('database', [row('SlowDatabaseQueries'), row('DatabaseDown')]).partial), ['DatabaseDown', 'SlowDatabaseQueries']));
  test('partial ignores underscores', () => assert.deepEqual(names(lookupAlert('cpuhigh', alerts).partial), ['DB_CPU_HIGH', 'PAYMENTS_CPU_HIGH_50']));
  test('plain words are not alert names', () =>
    assert.deepEqual(lookupAlert('redis', alerts), { exact: undefined, partial: [alerts[4]], unknownAlert: false }));
  test('too short', () => assert.deepEqual(lookupAlert('d', alerts), { exact: undefined, partial: [], unknownAlert: false }));
});

describe('looksLikeAlertName', () => {
  const cases: [string, boolean][] = [
    ['PAYMENTS_CPU_HIGH_5', true],
    ['KubePodCrashLooping', true],
    ['db_cpu_high', true],
    ['redis', false],
    ['podcrash', false],
    ['disk full', false],
    ['A_B', false],
  ];
  for (const [query, expected] of cases) test(query, () => assert.equal(looksLikeAlertName(query), expected));
});
