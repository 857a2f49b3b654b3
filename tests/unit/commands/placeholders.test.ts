import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fillPlaceholders, scanPlaceholders } from '../../../src/lib/commands/placeholders.ts';

const values = { namespace: 'payments-prod', pod_name: 'api-7d9f' };

describe('placeholder rule', () => {
  const cases: [string, string, string[], string][] = [
    ['plain', 'kubectl -n {{namespace}} get pods', ['namespace'], 'kubectl -n payments-prod get pods'],
    [
      'several, repeated',
      'kubectl -n {{namespace}} logs {{pod_name}} -n {{namespace}}',
      ['namespace', 'pod_name'],
      'kubectl -n payments-prod logs api-7d9f -n payments-prod',
    ],
    ['unknown names stay', 'echo {{unknown}}', ['unknown'], 'echo {{unknown}}'],
    [
      'kubectl go-template survives',
      `kubectl get pods -n {{namespace}} -o go-template='{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'`,
      ['namespace'],
      `kubectl get pods -n payments-prod -o go-template='{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'`,
    ],
    [
      'bare Go-template keywords are literal',
      `kubectl get pods -o go-template='{{range .items}}{{if .spec.nodeName}}{{.spec.nodeName}}{{else}}none{{end}}{{"\\n"}}{{end}}'`,
      [],
      `kubectl get pods -o go-template='{{range .items}}{{if .spec.nodeName}}{{.spec.nodeName}}{{else}}none{{end}}{{"\\n"}}{{end}}'`,
    ],
    ['docker format with spaces and dots', `docker inspect -f '{{ .State.Status }}' api`, [], `docker inspect -f '{{ .State.Status }}' api`],
    ['helm values', 'helm template . --set image={{ .Values.image }}', [], 'helm template . --set image={{ .Values.image }}'],
    ['spaces inside braces are literal', 'echo {{ namespace }}', [], 'echo {{ namespace }}'],
    ['triple braces are literal', 'echo {{{namespace}}}', [], 'echo {{{namespace}}}'],
    ['escaped placeholder is literal, without its backslash', 'echo \\{{namespace}} {{namespace}}', ['namespace'], 'echo {{namespace}} payments-prod'],
    [
      'jq and Prometheus braces are literal',
      `jq '.data.result[] | {route: .metric.route}' {job="api"}`,
      [],
      `jq '.data.result[] | {route: .metric.route}' {job="api"}`,
    ],
  ];
  for (const [name, code, names, filled] of cases) {
    test(name, () => {
      assert.deepEqual([...new Set(scanPlaceholders(code).placeholders.map((found) => found.name))], names);
      assert.equal(fillPlaceholders(code, values), filled);
    });
  }

  test('offsets point at the braces in the unescaped code', () => {
    const { code, placeholders } = scanPlaceholders('a \\{{x}} {{pod_name}}');
    assert.equal(code, 'a {{x}} {{pod_name}}');
    assert.deepEqual(placeholders, [{ name: 'pod_name', start: 8, end: 20 }]);
    assert.equal(code.slice(8, 20), '{{pod_name}}');
  });
});
