import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { originOf } from '../../../src/lib/snippets/mapped-text.ts';
import { promqlQueries } from '../../../src/lib/snippets/promql-query.ts';

const queries = (code: string, language = 'bash') => promqlQueries(code, language).map((query) => query.text);

describe('the PromQL queries of a block', () => {
  test('a promql block is its query, trailing white space left out', () => {
    assert.deepEqual(queries('sum(rate(x[5m]))\n\n', 'promql'), ['sum(rate(x[5m]))']);
    assert.deepEqual(queries('  \n', 'promql'), []);
  });

  const cases: [string, string, string[]][] = [
    [
      'the seeds’ form: --data-urlencode, single-quoted, over a continued line',
      `curl {{prometheus_url}}/api/v1/query \\\n  --data-urlencode 'query=rate(http_requests_total{status=~"5.."}[5m])'`,
      ['rate(http_requests_total{status=~"5.."}[5m])'],
    ],
    ['double quotes: the shell’s escapes are removed', `curl http://p/api/v1/query --data-urlencode "query=up{job=\\"api\\"}"`, ['up{job="api"}']],
    ['query_range', `curl -G http://p/api/v1/query_range --data-urlencode 'query=up' -d start=1`, ['up']],
    ['-d sends it as written, so it is URL-decoded', `curl -d 'query=sum+by+(x)+(up%7Bjob%3D%22a%22%7D)' http://p/api/v1/query`, ['sum by (x) (up{job="a"})']],
    ['attached forms', `curl http://p/api/v1/query -dquery=up --data-urlencode=query=x`, ['up']],
    ['in the URL', `curl "http://p:9090/api/v1/query?query=rate(x%5B5m%5D)&time=1"`, ['rate(x[5m])']],
    [
      'placeholders stay for the reader to fill',
      `curl {{prometheus_url}}/api/v1/query --data-urlencode 'query=up{pod="{{pod_name}}"}'`,
      ['up{pod="{{pod_name}}"}'],
    ],
    ['a session’s prompt does no harm', `$ curl -s http://p/api/v1/query --data-urlencode 'query=up'\n{"status":"success"}`, ['up']],
    ['after sudo or in a pipeline', `kubectl exec deploy/x -- curl -s http://p/api/v1/query --data-urlencode 'query=up' | jq .`, ['up']],
    ['one query per curl command', `curl http://p/api/v1/query --data-urlencode 'query=a'\ncurl http://p/api/v1/query --data-urlencode 'query=b'`, ['a', 'b']],
    ['not a Prometheus query API', `curl http://example.com/search --data-urlencode 'query=hello world'`, []],
    ['the word query= in a comment', `# curl http://p/api/v1/query --data-urlencode 'query=up'\necho done`, []],
    ['no curl', `wget http://p/api/v1/query?query=up`, []],
    ['a bad percent escape stays as written', `curl 'http://p/api/v1/query?query=up%ZZ'`, ['up%ZZ']],
  ];
  for (const [name, code, expected] of cases) test(name, () => assert.deepEqual(queries(code), expected));

  test('other languages hold no query', () => {
    assert.deepEqual(promqlQueries(`curl http://p/api/v1/query --data-urlencode 'query=up'`, 'python'), []);
    assert.deepEqual(promqlQueries(`curl http://p/api/v1/query --data-urlencode 'query=up'`, undefined), []);
  });

  test('each character of a query maps back to where the author wrote it', () => {
    const code = `curl {{prometheus_url}}/api/v1/query \\\n  --data-urlencode "query=up{job=\\"api\\"}"`;
    const [query] = promqlQueries(code, 'bash');
    const at = (text: string) => code.slice(originOf(query!, query!.text.indexOf(text))).slice(0, text.length);
    assert.equal(at('up{'), 'up{');
    assert.equal(at('api'), 'api');
    // The end of the query is the closing quote's place.
    assert.equal(code[originOf(query!, query!.text.length)], '"');
    // A decoded character maps to its escape.
    const url = 'curl "http://p/api/v1/query?query=a%20%2B%20b"';
    const [decoded] = promqlQueries(url, 'bash');
    assert.equal(decoded!.text, 'a + b');
    assert.equal(url.slice(originOf(decoded!, 2), originOf(decoded!, 2) + 3), '%2B');
  });
});

test('escapes of a character beyond ASCII are decoded together; a broken one stays', () => {
  assert.deepEqual(queries(`curl 'http://p/api/v1/query?query=up{city="K%C3%B6ln"}'`), ['up{city="Köln"}']);
  assert.deepEqual(queries(`curl 'http://p/api/v1/query?query=a%C3b'`), ['a%C3b']);
});
