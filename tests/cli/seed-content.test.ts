import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readContent } from '../../src/node/read-content.ts';
import { PROJECT } from '../helpers/run-cli.ts';

/** The alert names the user's seed runbooks mention (`../shared/seeds`). */
const SEED_ALERTS = [
  'APIDown',
  'AWS_API_THROTTLED',
  'DB_CPU_HIGH',
  'DB_LATENCY_HIGH',
  'DatabaseConnectionPoolExhausted',
  'DatabaseDown',
  'ETLJobFailed',
  'ETLJobNotRunning',
  'HighRequestRate',
  'IB_HEALTH_CHECK_FAILED',
  'RedisDown',
  'SlowAPIResponses',
  'SlowDatabaseQueries',
];

/** Where the user's seed runbooks are, when this checkout sits beside them. */
const SEEDS = join(PROJECT, '../shared/seeds');

const content = readContent(join(PROJECT, 'content'));
const pages = content.pages.flatMap((page) => (page.data ? [{ path: page.file, slug: page.slug, data: page.data }] : []));

describe('seed content', () => {
  test('reads without problems', () => {
    assert.deepEqual(content.problems, []);
    assert.equal(pages.length, content.pages.length);
  });

  test('every seed alert is in exactly one runbook', () => {
    for (const alert of SEED_ALERTS) {
      const owners = pages.filter((page) => page.data.alerts.includes(alert)).map((page) => page.path);
      assert.equal(owners.length, 1, `${alert} is in ${owners.length} runbooks: ${owners.join(', ')}`);
    }
  });

  test('the list above is every alert the seeds name', (t) => {
    if (!existsSync(SEEDS)) {
      t.skip(`NOT CHECKED: no seed runbooks at ${SEEDS} beside this checkout, so SEED_ALERTS is not compared with them`);
      return;
    }
    const seeds = readdirSync(SEEDS)
      .map((file) => readFileSync(join(SEEDS, file), 'utf8'))
      .join('\n');
    const named = new Set<string>();
    for (const line of seeds.split('\n').filter((text) => /Alert:/.test(text))) {
      for (const match of line.matchAll(/[`"]([A-Za-z_]+)[`"]/g)) named.add(match[1]!);
    }
    assert.deepEqual([...named].sort(), [...SEED_ALERTS].sort());
  });

  test('every runbook is filed in the folder of its service, and that service has a label in services.yaml', () => {
    const misfiled = pages.filter((page) => page.slug.split('/')[0] !== page.data.service).map((page) => `${page.path}: service ${page.data.service}`);
    assert.deepEqual(misfiled, []);
    const unlabelled = [...new Set(pages.map((page) => page.data.service))].filter((service) => !content.services[service]?.label);
    assert.deepEqual(unlabelled, [], 'services used by runbooks but without a label in content/services.yaml');
  });

  test('every service in services.yaml has runbooks: no stale entries', () => {
    const used = new Set(pages.map((page) => page.data.service));
    assert.deepEqual(
      Object.keys(content.services).filter((service) => !used.has(service)),
      [],
    );
  });
});
