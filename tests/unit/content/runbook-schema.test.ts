import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runbookSchema } from '../../../src/lib/content/schemas/runbook.ts';
import { formatProblem, problemsFromIssues } from '../../../src/lib/errors.ts';

const minimal = `title: Database latency
summary: Queries are slow.
service: db
severity: high
alerts: [DB_LATENCY_HIGH]
sla:
  response: 1h`;

/** Parses frontmatter YAML the way the build does and returns the formatted problems. */
async function problems(yamlText: string): Promise<string[]> {
  const { parse } = await import('yaml');
  const result = runbookSchema.safeParse(parse(yamlText));
  if (result.success) return [];
  return problemsFromIssues(result.error.issues, yamlText, 'content/runbooks/db/latency.mdx', 2).map(formatProblem);
}

describe('runbook frontmatter', () => {
  test('the minimal shape is an incident with defaults', () => {
    const data = runbookSchema.parse({ title: 'T', summary: 'S', service: 'db', severity: 'low', alerts: [], sla: { response: '2d' } });
    assert.equal(data.kind, 'incident');
    assert.deepEqual(data.sla, { response: 2880 });
    assert.deepEqual(data.inputs, []);
    assert.deepEqual(data.related, []);
  });

  test('inputs may be names or { name, description, label }', () => {
    const data = runbookSchema.parse({
      title: 'T',
      summary: 'S',
      service: 'db',
      severity: 'low',
      alerts: [],
      sla: { response: '1h' },
      inputs: ['pod_name', { name: 'pid', description: 'from pg_stat_activity' }, { name: 'node', label: 'instance' }],
    });
    assert.deepEqual(data.inputs, [{ name: 'pod_name' }, { name: 'pid', description: 'from pg_stat_activity' }, { name: 'node', label: 'instance' }]);
  });

  test('env and alert are not input names: a link uses them for the environment and the alert', () => {
    for (const inputs of [['env'], [{ name: 'alert' }]]) {
      const result = runbookSchema.safeParse({ title: 'T', summary: 'S', service: 'db', severity: 'low', alerts: [], sla: { response: '1h' }, inputs });
      assert.equal(result.success, false);
      assert.deepEqual(
        result.error?.issues.map((issue) => issue.path),
        [['inputs', 0, 'name']],
      );
      assert.match(result.error?.issues[0]?.message ?? '', /is reserved: \?(env|alert)= in a link already means/);
    }
  });

  test('procedures and reference pages need no severity, alerts or SLA', () => {
    const data = runbookSchema.parse({ kind: 'reference', title: 'Contacts', summary: 'Who to call.', service: 'db' });
    assert.equal(data.kind, 'reference');
    assert.deepEqual(data.alerts, []);
  });

  const cases: [string, string, string[]][] = [
    [
      'unknown severity',
      minimal.replace('severity: high', 'severity: urgent'),
      ['content/runbooks/db/latency.mdx:5:11: severity: expected one of critical|high|medium|low, got "urgent"'],
    ],
    ['missing title', minimal.replace('title: Database latency\n', ''), ['content/runbooks/db/latency.mdx:2:1: title: expected a title']],
    [
      'malformed SLA',
      minimal.replace('response: 1h', 'response: soon'),
      ['content/runbooks/db/latency.mdx:8:13: sla.response: expected a duration such as "15m", "1h" or "2d", got "soon"'],
    ],
    [
      'missing SLA',
      minimal.replace(/sla:\n {2}response: 1h/, ''),
      ['content/runbooks/db/latency.mdx:2:1: sla: Invalid input: expected object, received undefined'],
    ],
    [
      'alerts not a list',
      minimal.replace('alerts: [DB_LATENCY_HIGH]', 'alerts: DB_LATENCY_HIGH'),
      ['content/runbooks/db/latency.mdx:6:9: alerts: expected a list of alert names, got "DB_LATENCY_HIGH"'],
    ],
    [
      'alert name with spaces',
      minimal.replace('alerts: [DB_LATENCY_HIGH]', 'alerts: [DB latency high]'),
      ['content/runbooks/db/latency.mdx:6:10: alerts.0: expected an alert name of letters, digits and _ : . - (no spaces), got "DB latency high"'],
    ],
    ['unknown kind', `kind: howto\n${minimal}`, ['content/runbooks/db/latency.mdx:2:7: kind: expected one of incident|procedure|reference, got "howto"']],
  ];
  for (const [name, yamlText, expected] of cases) {
    test(name, async () => assert.deepEqual(await problems(yamlText), expected));
  }
});
