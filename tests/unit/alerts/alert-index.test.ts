import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type AlertSource, buildAlertIndex, lowerCaseAlias } from '../../../src/lib/alerts/alert-index.ts';

const page = (slug: string, alerts: string[]): AlertSource => ({
  slug,
  file: `content/runbooks/${slug}.md`,
  title: slug,
  service: 'db',
  severity: 'high',
  response: 60,
  alerts,
});

describe('alert index', () => {
  test('one entry per alert, sorted by name whatever the page order', () => {
    const { entries, problems } = buildAlertIndex([page('db/latency', ['DB_LATENCY_HIGH', 'DB_CPU_HIGH']), page('api/down', ['APIDown'])]);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      entries.map((entry) => [entry.alert, entry.slug]),
      [
        ['APIDown', 'api/down'],
        ['DB_CPU_HIGH', 'db/latency'],
        ['DB_LATENCY_HIGH', 'db/latency'],
      ],
    );
  });

  test('an alert in two runbooks names both files', () => {
    const { problems } = buildAlertIndex([page('db/latency', ['DB_CPU_HIGH']), page('db/cpu', ['DB_CPU_HIGH'])]);
    assert.deepEqual(problems, [
      {
        severity: 'error',
        file: 'content/runbooks/db/cpu.md',
        field: 'alerts',
        message: 'alert "DB_CPU_HIGH" is already handled by content/runbooks/db/latency.md; an alert belongs to exactly one runbook',
      },
    ]);
  });

  test('names that differ only in case collide (their lower-case URLs would)', () => {
    const { problems } = buildAlertIndex([page('a/x', ['RedisDown']), page('a/y', ['redisdown'])]);
    assert.equal(problems.length, 1);
  });

  test('lower-case alias only when it differs', () => {
    assert.equal(lowerCaseAlias('KubePodCrashLooping'), 'kubepodcrashlooping');
    assert.equal(lowerCaseAlias('disk_full'), undefined);
  });
});
