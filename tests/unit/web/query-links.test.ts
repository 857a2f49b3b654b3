import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  fillQuery,
  grafanaExploreUrl,
  parseQueryTemplate,
  prometheusQueryUrl,
  type QueryTemplate,
  queryLinkBaseProblem,
} from '../../../src/lib/web/query-links.ts';

/** Queries a runbook may hold, each with something a URL reads as syntax. */
const HOSTILE_QUERIES = [
  'sum(rate(http_requests_total{status=~"5.."}[5m]))',
  'up{job="a&g0.expr=evil&x=1"}',
  'up # a comment: # ends a URL',
  'up{path="/a?b=c#d"}',
  'up{a="x"}\nor\r\nvector(1)',
  'up{a="</script><script>alert(1)</script>"}',
  `up{a='it"s'}`,
  'up{a="100%25 %41 + plus"}',
  'up{a="ü日本 🚀 \u200b"}',
  'up{a="\\"quoted\\" \\\\ back"}',
];

describe('prometheusQueryUrl', () => {
  test("builds Prometheus's own expression-browser link: /graph, the query as g0.expr, table tab, one hour", () => {
    assert.equal(
      prometheusQueryUrl('http://prometheus:9090', 'rate(http_requests_total{status=~"5.."}[5m])'),
      'http://prometheus:9090/graph?g0.expr=rate(http_requests_total%7Bstatus%3D~%225..%22%7D%5B5m%5D)&g0.tab=0&g0.range_input=1h',
    );
  });

  for (const query of HOSTILE_QUERIES) {
    test(`carries ${JSON.stringify(query)} whole as g0.expr, and nothing else: same host, path and parameters`, () => {
      const href = prometheusQueryUrl('https://prometheus.example.com/', query)!;
      const url = new URL(href);
      assert.equal(url.origin, 'https://prometheus.example.com');
      assert.equal(url.pathname, '/graph');
      assert.equal(url.hash, '');
      assert.deepEqual([...url.searchParams.keys()], ['g0.expr', 'g0.tab', 'g0.range_input']);
      assert.equal(url.searchParams.get('g0.expr'), query);
      // No raw character a URL or HTML reads as syntax: spaces, quotes, `<`, `#`, `&` and line breaks are escaped.
      assert.doesNotMatch(url.search.slice(1).split('&')[0]!, /[\s"'<>#&]/);
    });
  }

  const bases: [base: string, expected: string][] = [
    ['http://prometheus:9090', 'http://prometheus:9090/graph'],
    ['http://prometheus:9090/', 'http://prometheus:9090/graph'],
    ['https://monitoring.example.com/prometheus/', 'https://monitoring.example.com/prometheus/graph'],
    ['https://monitoring.example.com/prometheus///', 'https://monitoring.example.com/prometheus/graph'],
    ['HTTPS://Monitoring.Example.COM:443/p', 'https://monitoring.example.com/p/graph'],
    ['http://prométhée.example', 'http://xn--promthe-eyac.example/graph'],
    ['http://10.0.0.7:9090', 'http://10.0.0.7:9090/graph'],
    ['http://[::1]:9090', 'http://[::1]:9090/graph'],
  ];
  for (const [base, expected] of bases) {
    test(`base ${base} → ${expected}`, () => {
      assert.equal(prometheusQueryUrl(base, 'up')?.split('?')[0], expected);
    });
  }

  const refused = [
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)//',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://prometheus:9090',
    'prometheus:9090',
    '//prometheus:9090',
    'prometheus',
    '',
    'http://prometheus:9090/?tenant=a',
    'http://prometheus:9090?',
    'http://prometheus:9090/#graph',
    'http://',
  ];
  for (const base of refused) {
    test(`no link for the base ${JSON.stringify(base)}`, () => {
      assert.equal(prometheusQueryUrl(base, 'up'), undefined);
      assert.ok(queryLinkBaseProblem(base), 'the check refuses it too');
    });
  }

  test('no link without a base', () => assert.equal(prometheusQueryUrl(undefined, 'up'), undefined));
});

describe('queryLinkBaseProblem: what npm run check says of a prometheus_url or grafana_url', () => {
  test('an http(s) URL is fine', () => {
    assert.equal(queryLinkBaseProblem('http://prometheus:9090'), undefined);
    assert.equal(queryLinkBaseProblem('https://grafana.example.com/grafana/'), undefined);
  });
  test('another scheme, or none, is named with an example', () => {
    assert.equal(
      queryLinkBaseProblem('prometheus:9090', 'http://prometheus:9090'),
      'expected an http(s) URL like "http://prometheus:9090", got "prometheus:9090"',
    );
    assert.equal(
      queryLinkBaseProblem('javascript:alert(1)\n', 'https://grafana.example.com'),
      'expected an http(s) URL like "https://grafana.example.com", got "javascript:alert(1)\\n"',
    );
  });
  test('a query or fragment is refused, saying why', () => {
    assert.equal(
      queryLinkBaseProblem('http://prometheus:9090/?x=1'),
      'expected an http(s) URL without "?" or "#" (the links add their own path and query), got "http://prometheus:9090/?x=1"',
    );
  });
});

describe('grafanaExploreUrl', () => {
  const panes = (href: string) => JSON.parse(new URL(href).searchParams.get('panes')!);

  test("builds Explore's URL of Grafana 10.1 and later: schemaVersion 1, one pane with the query in the data source, orgId", () => {
    const href = grafanaExploreUrl('https://grafana.example.com/', 'P1809F7CD0C75ACF3', 'sum(rate(x[5m]))')!;
    const url = new URL(href);
    assert.equal(url.origin + url.pathname, 'https://grafana.example.com/explore');
    assert.deepEqual([...url.searchParams.keys()], ['schemaVersion', 'panes', 'orgId']);
    assert.equal(url.searchParams.get('schemaVersion'), '1');
    assert.equal(url.searchParams.get('orgId'), '1');
    assert.deepEqual(panes(href), {
      q: {
        datasource: 'P1809F7CD0C75ACF3',
        queries: [{ refId: 'A', expr: 'sum(rate(x[5m]))', datasource: { type: 'prometheus', uid: 'P1809F7CD0C75ACF3' } }],
        range: { from: 'now-1h', to: 'now' },
      },
    });
  });

  test('Grafana under a path keeps it', () => {
    assert.match(grafanaExploreUrl('https://example.com/grafana/', 'p', 'up')!, /^https:\/\/example\.com\/grafana\/explore\?schemaVersion=1&panes=/);
  });

  for (const query of HOSTILE_QUERIES) {
    test(`carries ${JSON.stringify(query)} whole as the pane's expr`, () => {
      const href = grafanaExploreUrl('https://grafana.example.com', 'uid"}]},"x":{"', query)!;
      assert.equal(new URL(href).origin, 'https://grafana.example.com');
      const pane = panes(href).q;
      assert.equal(pane.queries[0].expr, query);
      // A data source uid that looks like JSON stays a string: the panes are JSON.stringify's, not pasted text.
      assert.equal(pane.datasource, 'uid"}]},"x":{"');
      assert.deepEqual(Object.keys(panes(href)), ['q']);
    });
  }

  test('no link without a data source: Explore would run PromQL in whatever its default data source is', () => {
    assert.equal(grafanaExploreUrl('https://grafana.example.com', undefined, 'up'), undefined);
    assert.equal(grafanaExploreUrl('https://grafana.example.com', '', 'up'), undefined);
  });

  test('no link for a base that is not http(s)', () => {
    assert.equal(grafanaExploreUrl('javascript:alert(1)', 'p', 'up'), undefined);
    assert.equal(grafanaExploreUrl(undefined, 'p', 'up'), undefined);
  });
});

describe('fillQuery', () => {
  const template: QueryTemplate = ['rate(x{ns="', ['namespace'], '", pod="', ['pod'], '"}[5m])'];
  const values = (record: Record<string, string>) => (name: string) => (Object.hasOwn(record, name) ? record[name] : undefined);

  test('fills every placeholder', () => {
    assert.equal(fillQuery(template, values({ namespace: 'payments', pod: 'api-7f9c' })), 'rate(x{ns="payments", pod="api-7f9c"}[5m])');
  });
  test('is undefined while one is unfilled', () => {
    assert.equal(fillQuery(template, values({ namespace: 'payments' })), undefined);
  });
  test('an empty value is a value', () => {
    assert.equal(fillQuery(['up{a="', ['a'], '"}'], values({ a: '' })), 'up{a=""}');
  });
  test('a value is text: its own {{braces}} and $patterns are not expanded', () => {
    assert.equal(fillQuery(['x', ['a'], 'y'], values({ a: "{{pod}} $& $' $1" })), "x{{pod}} $& $' $1y");
  });
  test('a query without placeholders is itself', () => {
    assert.equal(
      fillQuery(['up'], () => undefined),
      'up',
    );
  });
});

describe('parseQueryTemplate reads back only a well-formed data-query', () => {
  test('a template round-trips', () => {
    const template: QueryTemplate = ['up{a="', ['a'], '"}'];
    assert.deepEqual(parseQueryTemplate(JSON.stringify(template)), template);
  });
  for (const json of [undefined, '', 'not json', 'null', '"up"', '{}', '[1]', '[["a","b"]]', '[[]]', '[[1]]', '[{"0":"a"}]', '["up",null]']) {
    test(`refuses ${JSON.stringify(json)}`, () => assert.equal(parseQueryTemplate(json), undefined));
  }
});
