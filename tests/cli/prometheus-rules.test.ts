import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { PROJECT } from '../helpers/run-cli.ts';

/**
 * What Prometheus itself makes of a `runbook_url` that carries the alert's labels, as docs/alerts.md tells rule
 * authors: `promtool test rules` (Debian's prometheus package, 2.42; .ci/run installs it) expands the annotations of
 * tests/fixtures/prometheus/crashloop-rules.yml and compares them with crashloop-rules.test.yml. Missing promtool
 * fails the test: CI always has it.
 */
test('promtool expands runbook_url from the series labels, and the rule’s own labels and alertname to nothing', () => {
  const run = spawnSync('promtool', ['test', 'rules', 'tests/fixtures/prometheus/crashloop-rules.test.yml'], { cwd: PROJECT, encoding: 'utf8' });
  if (run.error) throw new Error(`promtool could not run (${run.error.message}): install Debian's prometheus package (apt-get install prometheus)`);
  assert.equal(run.status, 0, `promtool test rules failed:\n${run.stdout}${run.stderr}`);
  assert.match(run.stdout, /SUCCESS/);
});
