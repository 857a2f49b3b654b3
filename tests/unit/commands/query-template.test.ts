import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scanPlaceholders } from '../../../src/lib/commands/placeholders.ts';
import { queryTemplate } from '../../../src/lib/commands/query-template.ts';

/** The template of a block as the transformer sees it: escapes removed, placeholders found (or not, `noplaceholders`). */
function template(source: string, language: string, placeholders = true) {
  const scanned = scanPlaceholders(source);
  return queryTemplate(scanned.code, language, placeholders ? scanned.placeholders : []);
}

describe('queryTemplate: the one query a block links to, placeholders left to fill', () => {
  test('a promql block is its query', () => {
    assert.deepEqual(template('rate(http_requests_total{pod="{{pod}}", ns="{{namespace}}"}[5m])\n', 'promql'), [
      'rate(http_requests_total{pod="',
      ['pod'],
      '", ns="',
      ['namespace'],
      '"}[5m])',
    ]);
  });

  test('a curl to the query API: the query as Prometheus receives it, shell quotes gone', () => {
    const code = `curl {{prometheus_url}}/api/v1/query \\\n  --data-urlencode 'query=topk(10, sum by (endpoint) (rate(x{ns="{{namespace}}"}[5m])))'`;
    assert.deepEqual(template(code, 'bash'), ['topk(10, sum by (endpoint) (rate(x{ns="', ['namespace'], '"}[5m])))']);
  });

  test('a -d form value is decoded as Prometheus decodes it; its placeholder is still found', () => {
    assert.deepEqual(template('curl -s "{{prometheus_url}}/api/v1/query" -d "query=up%7Bjob%3D%22{{job}}%22%7D+or+vector(1)"', 'sh'), [
      'up{job="',
      ['job'],
      '"} or vector(1)',
    ]);
  });

  test('a console session: the prompt is no part of it', () => {
    assert.deepEqual(template('$ curl -s http://p:9090/api/v1/query_range --data-urlencode \'query=up\'\n{"status":"success"}', 'console'), ['up']);
  });

  test('an escaped \\{{name}} and a noplaceholders block are literal text', () => {
    assert.deepEqual(template('up{a="\\{{literal}}"}', 'promql'), ['up{a="{{literal}}"}']);
    assert.deepEqual(template('up{a="{{pod}}"}', 'promql', false), ['up{a="{{pod}}"}']);
  });

  test('no link for a block of two queries, of none, of an empty query, or in a language with no queries', () => {
    const two = "curl p/api/v1/query --data-urlencode 'query=up'\ncurl p/api/v1/query --data-urlencode 'query=down'";
    assert.equal(template(two, 'bash'), undefined);
    assert.equal(template('kubectl get pods -n {{namespace}}', 'bash'), undefined);
    assert.equal(template("curl p/api/v1/query --data-urlencode 'query='", 'bash'), undefined);
    assert.equal(template('   \n', 'promql'), undefined);
    assert.equal(template('rate(x[5m])', 'sql'), undefined);
    assert.equal(template('rate(x[5m])', 'text'), undefined);
  });

  test('no link when the query holds only part of a placeholder: it could not be filled as the block shows it', () => {
    const code = 'curl p/api/v1/query --data-urlencode \'query=up{a="x"}\'';
    const start = code.indexOf('"x"');
    // A placeholder found across the query's edge (as a shell's quoting could cut it): only part of it is in the query.
    assert.equal(queryTemplate(code, 'bash', [{ name: 'x', start: start + 1, end: start + 8 }]), undefined);
  });
});
