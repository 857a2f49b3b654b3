/**
 * PromQL expressions and the labels `knownSeriesLabels` finds on every series they return, shared by the unit table
 * (series-labels.test.ts) and the check against a real Prometheus (tests/cli/series-labels-prometheus.test.ts).
 * `newer` marks syntax that Prometheus 2.42 (Debian's, which the tests run) does not parse.
 */
export interface SeriesLabelsCase {
  expr: string;
  known: string[] | 'unknown';
  why: string;
  newer?: true;
}

export const SERIES_LABELS_CASES: SeriesLabelsCase[] = [
  // Selectors: only `=` with a non-empty value guarantees a label.
  { expr: 'up{job="api", instance="a:9100"}', known: ['instance', 'job'], why: 'equality matchers' },
  { expr: 'up{job="api", env!="prod", instance=~".+", host!~"y", team=""}', known: ['job'], why: '!=, =~, !~ and ="" guarantee nothing' },
  { expr: 'up', known: [], why: 'a bare metric name: no label known' },
  { expr: '{__name__="up", job="api"}', known: ['job'], why: '__name__ is never reported' },
  { expr: "up{job='api'}", known: ['job'], why: 'single-quoted value' },
  { expr: 'up{job=`api`}', known: ['job'], why: 'raw-string value' },
  { expr: 'up{job="a\\"b"}', known: ['job'], why: 'a value with an escape is still non-empty' },
  { expr: 'up{"job"="api"}', known: ['job'], why: 'quoted label name (Prometheus 3)', newer: true },
  // Wrappers and functions that keep the series' labels.
  { expr: '(up{job="api"})', known: ['job'], why: 'parentheses' },
  { expr: 'up{job="api"} offset 5m', known: ['job'], why: 'offset' },
  { expr: 'up{job="api"} offset -5m', known: ['job'], why: 'negative offset' },
  { expr: 'up{job="api"} @ 300', known: ['job'], why: '@ modifier' },
  { expr: '-up{job="api"}', known: ['job'], why: 'unary minus' },
  { expr: 'rate(http_requests_total{job="api", code="500"}[5m])', known: ['code', 'job'], why: 'rate over a range selector' },
  { expr: 'max_over_time(up{job="api"}[10m:1m])', known: ['job'], why: 'subquery' },
  { expr: 'quantile_over_time(0.9, latency_seconds{job="api"}[5m])', known: ['job'], why: 'range argument in second place' },
  {
    expr: 'predict_linear(node_filesystem_free_bytes{mountpoint="/"}[1h], 4 * 3600) < 0',
    known: ['mountpoint'],
    why: 'predict_linear, then a comparison with a scalar',
  },
  { expr: 'abs(delta(temperature{job="api"}[5m]))', known: ['job'], why: 'nested keeping functions' },
  { expr: 'clamp_min(round(temperature{job="api"}, 0.1), 0)', known: ['job'], why: 'clamp_min, round with a parameter' },
  { expr: 'changes(process_start_time_seconds{job="api"}[1h]) > 3', known: ['job'], why: 'changes' },
  { expr: 'timestamp(up{job="api"})', known: ['job'], why: 'timestamp' },
  { expr: 'hour(timestamp(up{job="api"}))', known: ['job'], why: 'a date function with an argument' },
  { expr: 'day_of_week()', known: [], why: 'a date function without argument reads vector(time())' },
  { expr: 'sort_desc(sum by (job) (up{job="api"}))', known: ['job'], why: 'sort_desc' },
  { expr: 'up{job="api"} # the API\n== 0', known: ['job'], why: 'a comment inside the expression' },
  // Aggregations.
  { expr: 'sum(up{job="api", instance="a:9100"})', known: [], why: 'no grouping: one series without labels' },
  { expr: 'sum by (job) (up{job="api", instance="a:9100"})', known: ['job'], why: 'by keeps its labels that were known' },
  { expr: 'sum by (namespace, pod) (rate(restarts_total{job="ksm"}[5m])) > 0', known: [], why: 'by (pod) over series not known to have pod' },
  { expr: 'sum(up{job="api", instance="a:9100"}) by (instance)', known: ['instance'], why: 'by after the body' },
  { expr: 'SUM BY (job) (up{job="api"})', known: ['job'], why: 'keywords in capitals' },
  { expr: 'sum without (instance) (up{job="api", instance="b:9100", env="prod"})', known: ['env', 'job'], why: 'without removes its labels' },
  { expr: 'max without () (up{job="api"})', known: ['job'], why: 'empty without list' },
  { expr: 'avg by () (up{job="api"})', known: [], why: 'empty by list' },
  { expr: 'topk(3, up{job="api", instance="a:9100"})', known: ['instance', 'job'], why: 'topk keeps the series as they are' },
  { expr: 'bottomk by (job) (1, up{job="api", instance="a:9100"})', known: ['instance', 'job'], why: 'bottomk by only groups' },
  { expr: 'count_values("version", build_info{job="api"})', known: ['version'], why: 'count_values adds its label' },
  { expr: 'count_values by (job) ("version", build_info{job="api"})', known: ['job', 'version'], why: 'count_values with by' },
  { expr: 'quantile by (job) (0.9, up{job="api", instance="a:9100"})', known: ['job'], why: 'quantile with by' },
  { expr: 'sum(info(up{job="api"}))', known: [], why: 'no grouping, whatever the input', newer: true },
  { expr: 'sum by (job) (info(up{job="api"}))', known: 'unknown', why: 'by over a function not read here', newer: true },
  // histogram_quantile.
  {
    expr: 'histogram_quantile(0.99, sum by (le, job) (rate(request_duration_seconds_bucket{job="api"}[5m])))',
    known: ['job'],
    why: 'histogram_quantile removes le',
  },
  { expr: 'histogram_quantile(0.9, rate(request_duration_seconds_bucket{job="api", le="0.5"}[5m]))', known: ['job'], why: 'le removed even when known' },
  // label_replace and label_join.
  { expr: 'label_replace(vector(1), "pod", "api-7f9c", "", "")', known: ['pod'], why: 'literal replacement, "" regex on the empty source name' },
  { expr: 'label_replace(up{job="api"}, "host", "$1", "instance", "(.*):.*")', known: ['job'], why: 'replacement $1 may be empty, regex may not match' },
  { expr: 'label_replace(up{job="api"}, "host", "host-$1", "instance", "(.*)")', known: ['host', 'job'], why: 'text besides $1, regex matches every value' },
  { expr: 'label_replace(up{job="api"}, "host", "h-$1", "instance", "(.*):.*")', known: ['job'], why: 'regex may not match: host stays absent' },
  { expr: 'label_replace(up{job="api", host="x"}, "host", "h-$1", "instance", "(.*):.*")', known: ['host', 'job'], why: 'host known and never set empty' },
  { expr: 'label_replace(up{job="api"}, "job", "$1", "instance", "(.*)")', known: [], why: 'job may be set empty, which removes it' },
  { expr: 'label_replace(up{job="api"}, "env", "prod", "job", ".*")', known: ['env', 'job'], why: 'literal replacement, .* matches' },
  { expr: 'label_replace(up{job="api"}, "cost", "$$", "job", ".*")', known: ['cost', 'job'], why: '$$ is a literal $' },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: ${1} is a Go regexp reference in PromQL, not a JS template.
  { expr: 'label_replace(up{job="api"}, "host", "${1}", "instance", ".*")', known: ['job'], why: '${1} alone may be empty' },
  { expr: 'label_replace(up{job="api"}, "host", "\\\\1", "instance", ".*")', known: ['job'], why: 'escapes are not read: may be empty' },
  {
    expr: 'label_join(up{job="api", instance="a:9100"}, "target", "/", "job", "instance")',
    known: ['instance', 'job', 'target'],
    why: 'label_join of known labels',
  },
  { expr: 'label_join(up, "target", "", "job")', known: [], why: 'label_join that may be empty' },
  { expr: 'label_join(up, "target", "-", "job", "instance")', known: ['target'], why: 'a separator between two sources is never empty' },
  // absent.
  { expr: 'absent(up{job="api", env="prod", instance=~"a.*"})', known: ['env', 'job'], why: 'absent keeps its equality matchers' },
  { expr: 'absent(up{job="api", job="web", env="prod"})', known: ['env'], why: 'a label matched twice is dropped' },
  { expr: 'absent(nonexistent)', known: [], why: 'no matchers' },
  { expr: 'absent((up{job="gone"}))', known: ['job'], why: 'parentheses around the selector' },
  { expr: 'absent(up{job="gone"} offset 5m)', known: ['job'], why: 'offset on the selector' },
  { expr: 'absent(sum(up{job="gone"}))', known: [], why: 'not a selector: no labels' },
  { expr: 'absent_over_time(up{job="gone"}[5m])', known: ['job'], why: 'absent_over_time' },
  // Binary operators.
  { expr: 'up{job="api", instance="b:9100"} == 0', known: ['instance', 'job'], why: 'vector-scalar keeps the vector side' },
  { expr: '0 < up{job="api"}', known: ['job'], why: 'scalar-vector' },
  { expr: 'up{job="api"} > bool 0', known: ['job'], why: 'bool' },
  { expr: '-1 * up{job="api"}', known: ['job'], why: 'signed scalar' },
  { expr: 'used{job="api"} / size{job="api", pod="p"}', known: ['job', 'pod'], why: 'one-to-one on all labels: the right side’s are on the left' },
  { expr: 'used{job="api", pod="q"} / on(pod) size{namespace="n"}', known: ['pod'], why: 'on() keeps only its labels' },
  { expr: 'used{job="api"} / on(pod) size{namespace="n", pod="q"}', known: ['pod'], why: 'an on() label known on the right is matched on the left' },
  {
    expr: 'used{job="api", pod="q"} / ignoring(job) size{namespace="n"}',
    known: ['namespace', 'pod'],
    why: 'ignoring removes its labels; the others are paired',
  },
  {
    expr: 'restarts{job="api", pod="p"} * on(pod) group_left(node) kube_pod_info{node="n1"}',
    known: ['job', 'node', 'pod'],
    why: 'group_left adds a label known on the right',
  },
  {
    expr: 'restarts{job="api", pod="p"} * on(pod) group_left(node) kube_pod_info',
    known: ['job', 'pod'],
    why: 'group_left label not known on the right',
  },
  {
    expr: 'restarts{job="api", pod="r", node="x"} * on(pod) group_left(node) kube_pod_info',
    known: ['job', 'pod'],
    why: 'group_left replaces the left side’s label',
  },
  {
    expr: 'kube_pod_info{node="n1"} * on(pod) group_right(node) restarts{job="api", pod="p"}',
    known: ['job', 'node', 'pod'],
    why: 'group_right mirrors',
  },
  { expr: 'used{job="api"} and size{job="api", pod="p"}', known: ['job', 'pod'], why: 'and keeps the left side, paired on all labels' },
  { expr: 'used{job="api", pod="p"} and on(job) size{job="api"}', known: ['job', 'pod'], why: 'and on()' },
  { expr: 'used{job="api", pod="p"} unless size{namespace="n"}', known: ['job', 'pod'], why: 'unless keeps the left side' },
  { expr: 'used{job="api", pod="p"} or size{job="web"}', known: ['job'], why: 'or keeps what both sides have' },
  {
    expr: 'label_replace(label_replace(vector(1), "namespace", "payments", "", ""), "pod", "api-7f9c", "", "") or label_replace(label_replace(vector(1), "namespace", "payments", "", ""), "pod", "x;rm -rf ~", "", "")',
    known: ['namespace', 'pod'],
    why: 'the end-to-end test’s rule (tests/fixtures/prometheus)',
  },
  { expr: 'used{job="api"} * info(size)', known: ['job'], why: 'a side not read adds nothing; the other still counts', newer: true },
  { expr: 'info(size) or used{job="api"}', known: 'unknown', why: 'or with a side not read', newer: true },
  { expr: 'used{job="api"} + fill(0) size{job="api"}', known: 'unknown', why: 'fill() invents series', newer: true },
  // No instant vector, or nothing this analysis can read.
  { expr: 'vector(1)', known: [], why: 'vector() has no labels' },
  { expr: 'vector(time()) > 0', known: [], why: 'vector() compared' },
  { expr: 'scalar(up)', known: 'unknown', why: 'a scalar is no alert' },
  { expr: '1 + 1', known: 'unknown', why: 'scalar arithmetic' },
  { expr: '"text"', known: 'unknown', why: 'a string' },
  { expr: 'up[5m]', known: 'unknown', why: 'a range vector' },
  { expr: 'up{', known: 'unknown', why: 'does not parse' },
  { expr: 'up{job="api}', known: 'unknown', why: 'an unclosed string' },
  { expr: 'sum by (pod) up', known: 'unknown', why: 'does not parse' },
  { expr: 'holt_winters(up[5m], 0.5, 0.5)', known: 'unknown', why: 'a function the grammar does not know' },
  { expr: '', known: 'unknown', why: 'empty' },
];
