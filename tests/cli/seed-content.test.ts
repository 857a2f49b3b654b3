import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { type RunbookData, runbookSchema } from '../../src/lib/content/schemas/runbook.ts';

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

const root = 'content/runbooks';
const pages = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((path) => /\.mdx?$/.test(path))
  .map((path) => ({ path: join(root, path), data: runbookSchema.parse(parse(splitFrontmatter(readFileSync(join(root, path), 'utf8')).yaml)) as RunbookData }));

describe('seed content', () => {
  test('every seed alert is in exactly one runbook', () => {
    for (const alert of SEED_ALERTS) {
      const owners = pages.filter((page) => page.data.alerts.includes(alert)).map((page) => page.path);
      assert.equal(owners.length, 1, `${alert} is in ${owners.length} runbooks: ${owners.join(', ')}`);
    }
  });

  test('the list above is every alert the seeds name', { skip: !existsSync('../shared/seeds') && 'no ../shared/seeds beside this checkout' }, () => {
    const seeds = readdirSync('../shared/seeds')
      .map((file) => readFileSync(join('../shared/seeds', file), 'utf8'))
      .join('\n');
    const named = new Set<string>();
    for (const line of seeds.split('\n').filter((text) => /Alert:/.test(text))) {
      for (const match of line.matchAll(/[`"]([A-Za-z_]+)[`"]/g)) named.add(match[1]!);
    }
    assert.deepEqual([...named].sort(), [...SEED_ALERTS].sort());
  });

  test('every service has incident runbooks, procedures or reference pages', () => {
    const services = new Set(pages.map((page) => page.data.service));
    assert.deepEqual([...services].sort(), ['accubooks', 'architect-api', 'audit-app', 'co-platform', 'insights']);
  });
});
