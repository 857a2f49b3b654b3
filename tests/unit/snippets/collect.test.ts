import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pageOutline } from '../../../src/lib/checks/parsed-page.ts';
import { environmentsSchema } from '../../../src/lib/content/schemas/environments.ts';
import { collectSnippets } from '../../../src/lib/snippets/collect.ts';
import { frontmatter, sourcePage } from '../../helpers/source-page.ts';

const environments = environmentsSchema.parse({
  production: { label: 'Production', vars: { namespace: 'payments' } },
  staging: { label: 'Staging', vars: { namespace: 'payments-staging', only_staging: 'x' } },
});
const collect = (body: string, extra = '') =>
  collectSnippets([sourcePage('payments/api-down.md', `${frontmatter(extra)}\n${body}`)], environments, pageOutline);
const texts = (body: string, extra = '') => collect(body, extra).snippets.map(({ parser, language, source }) => [parser, language, source.text]);

describe('the snippets of a page', () => {
  test("a session's commands as Copy takes them: prompts and output left out, lines kept in place", () => {
    const body = '```console\n$ kubectl -n {{namespace}} get pods \\\n>   -l app=api\nNAME   READY\napi-1  1/1\n$ echo done\n```\n';
    assert.deepEqual(texts(body), [['shell', 'console', 'kubectl -n payments get pods \\\n  -l app=api\n\n\necho done']]);
  });

  test('a bash block with `$ ` prompts is a session too; one without is a script, whole', () => {
    assert.deepEqual(texts('```bash\n$ uptime\n 10:00 up 3 days\n```\n'), [['shell', 'bash', 'uptime\n']]);
    assert.deepEqual(texts('```bash\n# a comment\nuptime\n```\n'), [['shell', 'bash', '# a comment\nuptime']]);
  });

  test("the default environment's values, then stand-ins; a curl query is a PromQL snippet of its own", () => {
    const body = '```bash\ncurl {{prometheus_url}}/api/v1/query --data-urlencode \'query=up{namespace="{{namespace}}"}[{{window}}]\'\n```\n';
    assert.deepEqual(texts(body, 'inputs: [window]\n'), [
      ['shell', 'bash', 'curl prometheus_url/api/v1/query --data-urlencode \'query=up{namespace="payments"}[window]\''],
      ['promql', 'promql', 'up{namespace="payments"}[5m]'],
    ]);
  });

  test('languages: sql and psql through psql, yaml, json; others are not snippets', () => {
    const body = '```psql\n\\x\nSELECT 1;\n```\n\n```yml\na: 1\n```\n\n```json\n{}\n```\n\n```python\nprint(1)\n```\n\n```text\nx\n```\n';
    assert.deepEqual(texts(body), [
      ['sql', 'psql', '\nSELECT 1;'],
      ['yaml', 'yml', 'a: 1'],
      ['json', 'json', '{}'],
    ]);
  });

  test('what is not parsed is counted: nocheck, MySQL, templates, pages that opt out', () => {
    const body = [
      '```bash nocheck\necho "half\n```',
      '```mysql\nSHOW PROCESSLIST;\n```',
      '```sql mysql\nSHOW PROCESSLIST;\n```',
      '```yaml\nimage: {{ .Values.image }}\n```',
      '```yaml\nname: {{namespace}}\n```',
    ].join('\n\n');
    const { snippets, tally } = collect(body);
    assert.deepEqual(
      snippets.map((snippet) => snippet.source.text),
      ['name: payments'],
    );
    assert.deepEqual(tally, {
      checked: { shell: 0, promql: 0, sql: 0, yaml: 1, json: 0 },
      templates: 1,
      mysql: 2,
      nocheck: 1,
      optedOutPages: 0,
      optedOutBlocks: 0,
    });
    const optedOut = collect(body, 'check_snippets: false\n');
    assert.deepEqual(optedOut.snippets, []);
    assert.equal(optedOut.tally.optedOutPages, 1);
    assert.equal(optedOut.tally.optedOutBlocks, 5);
  });

  test('each snippet knows the file line and column of its code, indented fences too', () => {
    const [snippet] = collect('Intro.\n\n- Step one:\n\n  ```bash\n  uptime\n  ```\n').snippets;
    // Frontmatter is lines 1-9 and line 10 is empty: the fence is on line 15, the code on line 16.
    assert.equal(snippet!.line, 16);
    assert.equal(snippet!.column, 3);
  });
});
