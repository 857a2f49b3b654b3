import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { originOf } from '../../../src/lib/snippets/mapped-text.ts';
import type { SnippetParser } from '../../../src/lib/snippets/snippet.ts';
import { withStandIns } from '../../../src/lib/snippets/stand-ins.ts';

const filled = (code: string, parser: SnippetParser, values: Record<string, string> = {}) => withStandIns(code, parser, values, true).text;

describe('placeholders as the parsers read them', () => {
  test("the default environment's value when it has one", () => {
    assert.equal(filled('kubectl -n {{namespace}} get pods', 'shell', { namespace: 'payments' }), 'kubectl -n payments get pods');
  });

  const cases: [string, SnippetParser, string, string][] = [
    ['an identifier by default', 'shell', 'kubectl logs {{pod_name}}', 'kubectl logs pod_name'],
    ['a duration in a PromQL range', 'promql', 'rate(x[{{window}}])', 'rate(x[5m])'],
    ['a duration in a subquery step', 'promql', 'max_over_time(x[1h:{{step}}])', 'max_over_time(x[1h:5m])'],
    ['a duration after offset', 'promql', 'x offset {{ago}}', 'x offset 5m'],
    ['a number after @', 'promql', 'x @ {{at}}', 'x @ 0'],
    ['a label value in PromQL', 'promql', 'up{pod="{{pod}}"}', 'up{pod="pod"}'],
    ['a number where JSON wants a value', 'json', '{"replicas": {{replicas}} }', '{"replicas": 0 }'],
    ['text inside a JSON string', 'json', '{"name": "{{name}}", "escaped \\" {{x}}": 1}', '{"name": "name", "escaped \\" x": 1}'],
    ['SQL: not a keyword', 'sql', 'SELECT * FROM {{table}} WHERE usename = {{user}}', 'SELECT * FROM table_ WHERE usename = user_'],
    ['shell: <pod-name> is a stand-in, not a redirection', 'shell', 'kubectl logs <pod-name> -n <NAMESPACE>', 'kubectl logs pod_name -n NAMESPACE'],
    [
      'shell: here-documents, process substitution and redirections stay',
      'shell',
      'cat <<EOF\nx\nEOF\ndiff <(a) <(b) 2>&1 >out',
      'cat <<EOF\nx\nEOF\ndiff <(a) <(b) 2>&1 >out',
    ],
    ['informal placeholders are shell only', 'sql', "SELECT '<id>'", "SELECT '<id>'"],
    [
      'Go template actions are not placeholders',
      'shell',
      "kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{end}}'",
      "kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{end}}'",
    ],
  ];
  for (const [name, parser, code, expected] of cases) test(name, () => assert.equal(filled(code, parser), expected));

  test('noplaceholders: the braces stay literal', () => {
    assert.equal(withStandIns('echo {{x}}', 'shell', { x: 'y' }, false).text, 'echo {{x}}');
  });

  test('an error after a stand-in maps back past the placeholder as written', () => {
    const code = 'kubectl -n {{namespace}} logs "x';
    const mapped = withStandIns(code, 'shell', { namespace: 'payments' }, true);
    assert.equal(code[originOf(mapped, mapped.text.indexOf('"'))], '"');
    // Inside the stand-in: the placeholder's own place.
    assert.equal(originOf(mapped, mapped.text.indexOf('payments') + 3), code.indexOf('{{namespace}}'));
  });
});
