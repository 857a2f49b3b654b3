import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type AlertRule, fixRuleFile, parseRuleFile, type RuleFileProblem } from '../../../src/lib/alerts/prometheus-rules.ts';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

describe('parseRuleFile', () => {
  const cases: { name: string; text: string; rules: Partial<AlertRule>[]; problems?: RuleFileProblem[] }[] = [
    {
      name: 'plain rule file: alert rules with the position of their name, recording rules skipped',
      text: lines(
        'groups:',
        '- name: db',
        '  rules:',
        '  - record: job:up:sum',
        '    expr: sum(up)',
        '  - alert: DB_CPU_HIGH',
        '    annotations:',
        '      runbook_url: https://runbooks.example.com/alerts/DB_CPU_HIGH/',
        '  - alert: DB_LATENCY_HIGH',
      ),
      rules: [
        {
          alert: 'DB_CPU_HIGH',
          document: 0,
          path: ['groups', 0, 'rules', 1],
          line: 6,
          column: 12,
          runbookUrl: 'https://runbooks.example.com/alerts/DB_CPU_HIGH/',
        },
        { alert: 'DB_LATENCY_HIGH', document: 0, path: ['groups', 0, 'rules', 2], line: 9, column: 12, runbookUrl: undefined },
      ],
    },
    {
      name: 'PrometheusRule manifest after a document that is not one',
      text: lines(
        'apiVersion: v1',
        'kind: ConfigMap',
        'data: {groups: x}',
        '---',
        'apiVersion: monitoring.coreos.com/v1',
        'kind: PrometheusRule',
        'spec:',
        '  groups:',
        '    - name: api',
        '      rules:',
        '        - alert: APIDown',
        '          annotations: {runbook_url: "https://x.example/alerts/APIDown/"}',
      ),
      rules: [
        { alert: 'APIDown', document: 1, path: ['spec', 'groups', 0, 'rules', 0], line: 11, column: 18, runbookUrl: 'https://x.example/alerts/APIDown/' },
      ],
    },
    {
      name: 'a rule written as a flow mapping',
      text: lines('groups:', '- name: g', '  rules:', '  - {alert: RedisDown, expr: redis_up == 0}'),
      rules: [{ alert: 'RedisDown', line: 4, column: 13, runbookUrl: undefined }],
    },
    {
      name: 'annotations shared through an anchor and a merge key count as the rule’s own',
      text: lines(
        'groups:',
        '- name: g',
        '  rules:',
        '  - alert: A',
        '    annotations: &shared {runbook_url: https://x.example/alerts/A/}',
        '  - alert: B',
        '    annotations: *shared',
        '  - <<: {annotations: {runbook_url: https://x.example/alerts/C/}}',
        '    alert: C',
      ),
      rules: [
        { alert: 'A', runbookUrl: 'https://x.example/alerts/A/' },
        { alert: 'B', runbookUrl: 'https://x.example/alerts/A/' },
        { alert: 'C', runbookUrl: 'https://x.example/alerts/C/' },
      ],
    },
    {
      name: 'the expression, and where the runbook_url is written: verbatim when its characters stand one for one',
      text: lines(
        'groups:',
        '- name: g',
        '  rules:',
        '  - alert: Plain',
        '    expr: up{job="api"} == 0',
        '    annotations:',
        '      runbook_url: https://x.example/alerts/Plain/?env=prod',
        '  - alert: Quoted',
        "    annotations: {runbook_url: 'https://x.example/alerts/Quoted/'}",
        '  - alert: Escaped',
        '    annotations:',
        '      runbook_url: "https://x.example/alerts/\\u0045scaped/"',
        '  - alert: Folded',
        '    expr: |',
        '      sum by (job) (up)',
        '        == 0',
        '    annotations:',
        '      runbook_url: >-',
        '        https://x.example/alerts/Folded/',
      ),
      rules: [
        { alert: 'Plain', expr: 'up{job="api"} == 0', runbookUrlAt: { line: 7, column: 20, verbatim: true } },
        { alert: 'Quoted', expr: undefined, runbookUrlAt: { line: 9, column: 33, verbatim: true } },
        { alert: 'Escaped', runbookUrlAt: { line: 12, column: 20, verbatim: false } },
        { alert: 'Folded', expr: 'sum by (job) (up)\n  == 0\n', runbookUrlAt: { line: 18, column: 20, verbatim: false } },
      ],
    },
    {
      name: 'a runbook_url shared through an anchor is found where the anchor is; one inherited through << is not found',
      text: lines(
        'groups:',
        '- name: g',
        '  rules:',
        '  - alert: A',
        '    annotations: &shared',
        '      runbook_url: https://x.example/alerts/A/',
        '  - alert: B',
        '    annotations: *shared',
        '  - <<: {annotations: {runbook_url: https://x.example/alerts/C/}}',
        '    alert: C',
      ),
      rules: [
        { alert: 'A', runbookUrlAt: { line: 6, column: 20, verbatim: true } },
        { alert: 'B', runbookUrlAt: { line: 6, column: 20, verbatim: true } },
        { alert: 'C', runbookUrlAt: undefined },
      ],
    },
    { name: 'an empty file', text: '', rules: [] },
    { name: 'YAML that holds no rules', text: lines('resources:', '  - rules.yaml'), rules: [] },
    {
      name: 'malformed YAML: no rules at all, the error at its line without the library’s excerpt',
      text: lines('groups:', '- name: g', '  rules:', '  - alert: A', '    expr: up == 0', '   for: 5m'),
      rules: [],
      problems: [{ line: 6, column: 1, message: 'invalid YAML: Sequence item without - indicator' }],
    },
    {
      name: 'a duplicate key is malformed too (Prometheus refuses it)',
      text: lines('groups:', '- name: g', '  rules:', '  - alert: A', '    alert: B'),
      rules: [],
      problems: [{ line: 5, column: 5, message: 'invalid YAML: Map keys must be unique' }],
    },
    {
      name: 'rule groups of the wrong shape',
      text: lines('groups:', '- name: g', '  rules: nope', '- name: h', '  rules:', '  - alert: 5', '  - alert:', '  - alert: Fine'),
      rules: [{ alert: 'Fine', line: 8, column: 12 }],
      problems: [
        { line: 3, column: 10, message: 'rules: expected a list of rules' },
        { line: 6, column: 12, message: 'alert: expected an alert name' },
        { line: 7, column: 11, message: 'alert: expected an alert name' },
      ],
    },
    {
      name: 'a PrometheusRule without groups',
      text: lines('kind: PrometheusRule', 'spec: {}'),
      rules: [],
      problems: [{ line: 1, column: 1, message: 'spec.groups: expected a list of rule groups' }],
    },
    {
      // "Billion laughs": nine aliases of nine aliases … expand past the content's alias limit.
      name: 'a rule whose annotations are an alias bomb',
      text: lines(
        'a: &a [x, x, x, x, x, x, x, x, x]',
        'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
        'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
        'groups:',
        '  - name: g',
        '    rules:',
        '      - alert: Laughs',
        '        annotations: { summary: *c }',
      ),
      rules: [],
      problems: [{ line: 7, column: 16, message: 'aliases (*name) expand to too much data (more than 100 copies): write the values out instead' }],
    },
  ];
  for (const { name, text, rules, problems = [] } of cases) {
    test(name, () => {
      const file = parseRuleFile(text);
      // Each case names the fields it is about; the others are compared in other cases.
      const picked = file.rules.map((rule, index) => Object.fromEntries(Object.keys(rules[index] ?? rule).map((key) => [key, rule[key as keyof AlertRule]])));
      assert.deepEqual(picked, rules);
      assert.deepEqual(file.problems, problems);
    });
  }
});

describe('fixRuleFile', () => {
  const fixAll = (text: string, url = (alert: string) => `https://runbooks.example.com/alerts/${alert}/`) =>
    fixRuleFile(
      text,
      parseRuleFile(text).rules.map((rule) => ({ document: rule.document, path: rule.path, url: url(rule.alert) })),
    );

  const cases: { name: string; text: string; expected: string; applied: number }[] = [
    {
      name: 'replaces a wrong URL in place, keeping its quotes and comments',
      text: lines(
        '# Team rules',
        'groups:',
        '- name: g # the group',
        '  rules:',
        '  # why A',
        '  - alert: A',
        '    annotations:',
        "      runbook_url: 'https://wiki/A' # old",
      ),
      expected: lines(
        '# Team rules',
        'groups:',
        '- name: g # the group',
        '  rules:',
        '  # why A',
        '  - alert: A',
        '    annotations:',
        "      runbook_url: 'https://runbooks.example.com/alerts/A/' # old",
      ),
      applied: 1,
    },
    {
      name: 'adds the annotation after the others, and annotations where there are none',
      text: lines(
        'groups:',
        '  - name: g',
        '    rules:',
        '      - alert: A',
        '        annotations:',
        '          summary: a',
        '      - alert: B',
        '        expr: up == 0',
        '      - alert: C',
        '        annotations:',
      ),
      expected: lines(
        'groups:',
        '  - name: g',
        '    rules:',
        '      - alert: A',
        '        annotations:',
        '          summary: a',
        '          runbook_url: https://runbooks.example.com/alerts/A/',
        '      - alert: B',
        '        expr: up == 0',
        '        annotations:',
        '          runbook_url: https://runbooks.example.com/alerts/B/',
        '      - alert: C',
        '        annotations:',
        '          runbook_url: https://runbooks.example.com/alerts/C/',
      ),
      applied: 3,
    },
    {
      name: 'keeps long expressions, block scalars, flow mappings and four-space indentation',
      text: lines(
        'groups:',
        '    - name: g',
        '      rules:',
        `          - alert: A`,
        `            expr: ${'sum(rate(http_requests_total{job="api", code=~"5.."}[5m])) / '.repeat(3)}1 > 0.05`,
        '            annotations:',
        '                description: |',
        '                    Line one.',
        '                    Line two.',
        '          - {alert: B, labels: {severity: warning}}',
      ),
      expected: lines(
        'groups:',
        '    - name: g',
        '      rules:',
        `          - alert: A`,
        `            expr: ${'sum(rate(http_requests_total{job="api", code=~"5.."}[5m])) / '.repeat(3)}1 > 0.05`,
        '            annotations:',
        '                description: |',
        '                    Line one.',
        '                    Line two.',
        '                runbook_url: https://runbooks.example.com/alerts/A/',
        '          - {alert: B, labels: {severity: warning}, annotations: {runbook_url: https://runbooks.example.com/alerts/B/}}',
      ),
      applied: 2,
    },
    {
      name: 'rewrites only the documents that change; the others stay byte for byte',
      text: lines(
        '# first',
        'kind:   ConfigMap',
        'data:   {a:    1}',
        '---',
        '# second',
        'groups:',
        '- name: g',
        '  rules:',
        '  - alert: A',
        '---',
        'kind:   Other',
      ),
      expected: lines(
        '# first',
        'kind:   ConfigMap',
        'data:   {a:    1}',
        '---',
        '# second',
        'groups:',
        '- name: g',
        '  rules:',
        '  - alert: A',
        '    annotations:',
        '      runbook_url: https://runbooks.example.com/alerts/A/',
        '---',
        'kind:   Other',
      ),
      applied: 1,
    },
    // Unchanged files: the same text comes back.
    ...[
      {
        name: 'leaves shared and inherited annotations alone',
        text: lines(
          'groups:',
          '- name: g',
          '  rules:',
          '  - alert: A',
          '    annotations: &shared',
          '      summary: s',
          '  - alert: B',
          '    annotations: *shared',
          '  - alert: C',
          '    <<: {annotations: {summary: s}}',
        ),
      },
      { name: 'leaves malformed YAML alone', text: lines('groups:', '- name: g', '  rules:', '  - alert: A', '   for: 5m') },
    ].map((unchanged) => ({ ...unchanged, expected: unchanged.text, applied: 0 })),
  ];
  for (const { name, text, expected, applied } of cases) {
    test(name, () => {
      const result = fixAll(text);
      assert.equal(result.text, expected);
      assert.equal(result.applied.length, applied);
    });
  }

  describe('the preamble of a later document (`...`, comments, a %YAML directive) comes back once, whichever documents change', () => {
    const url = (alert: string) => `https://runbooks.example.com/alerts/${alert}/`;
    const first = lines('groups:', '- name: a', '  rules:', '  - alert: A', '    expr: up == 0');
    const preamble = lines('...', '# the second team', '%YAML 1.2', '---');
    const second = lines('groups:', '- name: b', '  rules:', '  - alert: B', '    expr: up == 0');
    const text = first + preamble + second;
    const fixed = (alert: string) => lines(`    annotations:`, `      runbook_url: ${url(alert)}`);
    for (const documents of [[0], [1], [0, 1]]) {
      test(`documents ${documents.join(' and ')} fixed`, () => {
        const fixes = parseRuleFile(text)
          .rules.filter((rule) => documents.includes(rule.document))
          .map((rule) => ({ document: rule.document, path: rule.path, url: url(rule.alert) }));
        const result = fixRuleFile(text, fixes).text;
        for (const line of ['...', '# the second team', '%YAML 1.2', '---']) {
          assert.equal(result.split('\n').filter((each) => each === line).length, 1, `${JSON.stringify(line)} in\n${result}`);
        }
        // The library puts a blank line between a document's comment and its directive; nothing else moves.
        const expectedPreamble = documents.includes(1) ? lines('...', '# the second team', '', '%YAML 1.2', '---') : preamble;
        assert.equal(result, (documents.includes(0) ? first + fixed('A') : first) + expectedPreamble + (documents.includes(1) ? second + fixed('B') : second));
      });
    }
  });

  test('a URL with templates goes into a flow mapping quoted, and reads back as written', () => {
    const text = lines('groups:', '- name: g', '  rules:', '  - {alert: A, annotations: {runbook_url: https://runbooks.example.com/alerts/A/}}');
    const url = 'https://runbooks.example.com/alerts/A/?pod={{ $labels.pod | urlquery }}&env=x#logs';
    const result = fixAll(text, () => url);
    assert.equal(result.text, lines('groups:', '- name: g', '  rules:', `  - {alert: A, annotations: {runbook_url: "${url}"}}`));
    assert.equal(parseRuleFile(result.text).rules[0]!.runbookUrl, url);
  });

  test('a fixed file reads back with the URLs written', () => {
    const text = lines('groups:', '- name: g', '  rules:', '  - alert: A', '  - alert: B', '    annotations: {summary: b}');
    assert.deepEqual(
      parseRuleFile(fixAll(text).text).rules.map((rule) => [rule.alert, rule.runbookUrl]),
      [
        ['A', 'https://runbooks.example.com/alerts/A/'],
        ['B', 'https://runbooks.example.com/alerts/B/'],
      ],
    );
  });
});
