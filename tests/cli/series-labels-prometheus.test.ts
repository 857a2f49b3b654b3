import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { knownSeriesLabels } from '../../src/lib/alerts/series-labels.ts';
import { SERIES_LABELS_CASES } from '../unit/alerts/series-labels-cases.ts';

/**
 * The labels `knownSeriesLabels` claims, held against what a real Prometheus returns: `promtool test rules`
 * (Debian's prometheus package, 2.42) evaluates every case of the unit table on series where the labels the rules
 * are about are sometimes there and sometimes not, and each series it returns must carry every label claimed, with
 * a value. A claim Prometheus does not bear out would link an empty value into every page link of the alert.
 */
const SERIES = [
  ['up{job="api", instance="a:9100"}', '1x20'],
  ['up{job="api", instance="b:9100", env="prod"}', '0x20'],
  ['up{job="api", instance="d:9100", host="x"}', '1x20'],
  ['up{job="web"}', '1x20'],
  ['http_requests_total{job="api", code="500"}', '0+10x20'],
  ['latency_seconds{job="api", instance="a"}', '0.1+0.1x20'],
  ['node_filesystem_free_bytes{mountpoint="/", instance="a"}', '1000-100x20'],
  ['temperature{job="api", instance="a"}', '21.37+0x20'],
  ['process_start_time_seconds{job="api"}', '0+1x20'],
  ['restarts_total{job="ksm", namespace="n", pod="p"}', '0+1x20'],
  ['restarts_total{job="ksm"}', '0+1x20'],
  ['build_info{job="api", version="1.2"}', '1x20'],
  ['request_duration_seconds_bucket{job="api", le="0.5"}', '0+1x20'],
  ['request_duration_seconds_bucket{job="api", le="+Inf"}', '0+2x20'],
  ['used{job="api", pod="p"}', '5x20'],
  ['used{job="api", pod="q", namespace="n"}', '5x20'],
  ['size{job="api", pod="p"}', '10x20'],
  ['size{namespace="n", pod="q"}', '10x20'],
  ['size{job="web"}', '10x20'],
  ['restarts{job="api", pod="p"}', '3x20'],
  ['restarts{job="api", pod="r", node="x"}', '3x20'],
  ['kube_pod_info{pod="p", node="n1"}', '1x20'],
  ['kube_pod_info{pod="r"}', '1x20'],
];

test('every label claimed is on every series Prometheus 2.42 returns', (t) => {
  const probe = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
  // Not skipped when missing: .ci/run installs it, and a skipped check proves nothing.
  assert.ifError(probe.error && new Error('promtool is not installed: apt-get install prometheus (.ci/run does)'));
  const cases = SERIES_LABELS_CASES.filter((each) => !each.newer && each.known !== 'unknown');
  const folder = mkdtempSync(join(tmpdir(), 'series-labels-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  writeFileSync(join(folder, 'rules.yml'), 'groups: []\n');
  const tests = {
    rule_files: ['rules.yml'],
    tests: [
      {
        interval: '1m',
        input_series: SERIES.map(([series, values]) => ({ series, values })),
        // An empty expectation makes promtool print every series it got.
        promql_expr_test: cases.map(({ expr }) => ({ expr, eval_time: '10m', exp_samples: [] })),
      },
    ],
  };
  // JSON is YAML: no quoting rules to get wrong for the expressions.
  writeFileSync(join(folder, 'tests.json.yml'), JSON.stringify(tests));
  const run = spawnSync('promtool', ['test', 'rules', 'tests.json.yml'], { cwd: folder, encoding: 'utf8' });
  const output = run.stdout + run.stderr;

  const got = new Map<string, Record<string, string>[]>();
  for (const failure of output.split(/\n(?=\s+expr: ")/).slice(1)) {
    const expr = JSON.parse(/expr: ("(?:[^"\\]|\\.)*")/.exec(failure)![1]!) as string;
    assert.doesNotMatch(failure, /err: /, `Prometheus refused ${expr}:\n${failure}`);
    const returned = /got: (.*)/.exec(failure)?.[1] ?? '';
    // `{instance="a:9100", job="api"} 1E+00, {…} 0E+00`: the fixture's label values hold no `"`, `,` or `}`.
    const series = [...returned.matchAll(/\{([^}]*)\}/g)].map(([, labels]) =>
      Object.fromEntries([...labels!.matchAll(/(\w+)="([^"]*)"/g)].map(([, name, value]) => [name!, value!])),
    );
    got.set(expr, series);
  }

  const verified: string[] = [];
  for (const { expr } of cases) {
    const known = knownSeriesLabels(expr);
    assert.notEqual(known, 'unknown');
    for (const series of got.get(expr) ?? []) {
      for (const label of known as ReadonlySet<string>) assert.ok(series[label], `${expr}: claims ${label}, Prometheus returned ${JSON.stringify(series)}`);
    }
    if ((got.get(expr) ?? []).length > 0) verified.push(expr);
  }
  // The fixture must make most cases return something, or the check proves little.
  assert.ok(
    verified.length >= cases.length * 0.8,
    `only ${verified.length} of ${cases.length} cases returned series:\n${cases
      .map((each) => each.expr)
      .filter((expr) => !verified.includes(expr))
      .join('\n')}`,
  );
});
