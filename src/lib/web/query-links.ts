/**
 * "Open in Prometheus" and "Explore in Grafana": a command block that holds one PromQL query (a `promql` block, or
 * one `curl …/api/v1/query` command) links to it in the chosen environment's own Prometheus and Grafana.
 *
 * A link is made from two things only: the environment's values (`prometheus_url`, `grafana_url`,
 * `grafana_datasource`, from environments.yaml) and the query with its placeholders filled. Nothing else on the
 * page goes into it, the query travels URL-encoded as one parameter's value, and a base that is not an http(s) URL
 * makes no link at all (`npm run check` refuses it first: environmentsSchema). Browser-safe: no DOM, no Node.
 */

/**
 * A block's query as the build found it (lib/commands/query-template.ts), with its placeholders left to fill:
 * text as Prometheus receives it, and `[name]` where a `{{name}}` stands. `rate(x{pod="{{pod}}"}[5m])` is
 * `['rate(x{pod="', ['pod'], '"}[5m])']`. It is a figure's `data-query` attribute, as JSON.
 */
export type QueryTemplate = readonly (string | readonly [name: string])[];

/** The environment values that are base URLs of query links: each must be an http(s) URL (environmentsSchema). */
export const QUERY_LINK_BASES = {
  prometheus_url: 'http://prometheus:9090',
  grafana_url: 'https://grafana.example.com',
} as const;

/**
 * Why `value` cannot be the base of a query link, or undefined when it can: an absolute `http:` or `https:` URL
 * (parsed as the browser parses it, so `JavaScript:`, ` javascript:` or `prometheus:9090` are what they are), with
 * no query or fragment, since the link adds its own path and query. `example` is a good value, for the message.
 */
export function queryLinkBaseProblem(value: string, example = 'https://prometheus.example.com'): string | undefined {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') return `expected an http(s) URL like "${example}", got ${JSON.stringify(value)}`;
  if (/[?#]/.test(value)) return `expected an http(s) URL without "?" or "#" (the links add their own path and query), got ${JSON.stringify(value)}`;
  return undefined;
}

/** `value` as a URL, or undefined when it is no base for a link. */
function baseUrl(value: string | undefined): URL | undefined {
  return value === undefined || queryLinkBaseProblem(value) !== undefined ? undefined : new URL(value);
}

/**
 * `base` with `path` added to its path (Prometheus and Grafana may be served under one: `https://host/prometheus/`)
 * and `query` (already encoded) as its query string.
 */
function linkTo(base: URL, path: string, query: string): string {
  const url = new URL(base.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
  url.search = query;
  return url.href;
}

/**
 * The query with every placeholder filled by `valueFor`, or undefined while one of them has no value: a link with
 * `{{pod}}` in it would run a query that cannot be what the reader meant.
 */
export function fillQuery(template: QueryTemplate, valueFor: (name: string) => string | undefined): string | undefined {
  let query = '';
  for (const part of template) {
    if (typeof part === 'string') query += part;
    else {
      const value = valueFor(part[0]);
      if (value === undefined) return undefined;
      query += value;
    }
  }
  return query;
}

/**
 * Prometheus's own link to a query in its expression browser, as its UI writes it: the graph tab (`g0.tab=0`) over
 * the last hour (`g0.range_input=1h`). `encodeURIComponent` rather than URLSearchParams: a space as `%20` reads the
 * same to every parser, and the classic UI (Debian's 2.42) cuts a value at its next `=` or `&` and reads `+` as a
 * space, so those are escaped too.
 */
export function prometheusQueryUrl(prometheusUrl: string | undefined, query: string): string | undefined {
  const base = baseUrl(prometheusUrl);
  return base && linkTo(base, '/graph', `g0.expr=${encodeURIComponent(query)}&g0.tab=0&g0.range_input=1h`);
}

/**
 * Grafana's Explore with the query in the Prometheus data source `datasource` (its uid), over the last hour. The
 * URL format is the one of Grafana 10.1 and later (`schemaVersion=1`, `panes`: grafana/grafana#69692, documented in
 * "Generating Explore URLs from external tools"); older Grafanas open Explore without the query. Without a data
 * source there is no link: Explore would run the PromQL in the default data source, which may be anything.
 */
export function grafanaExploreUrl(grafanaUrl: string | undefined, datasource: string | undefined, query: string): string | undefined {
  const base = baseUrl(grafanaUrl);
  if (!base || !datasource) return undefined;
  const panes = {
    q: {
      datasource,
      queries: [{ refId: 'A', expr: query, datasource: { type: 'prometheus', uid: datasource } }],
      range: { from: 'now-1h', to: 'now' },
    },
  };
  return linkTo(base, '/explore', `schemaVersion=1&panes=${encodeURIComponent(JSON.stringify(panes))}&orgId=1`);
}

/** A figure's `data-query` read back; undefined unless it is exactly a QueryTemplate (a page's HTML is not trusted). */
export function parseQueryTemplate(json: string | undefined): QueryTemplate | undefined {
  if (json === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  const isPart = (part: unknown) => typeof part === 'string' || (Array.isArray(part) && part.length === 1 && typeof part[0] === 'string');
  return Array.isArray(value) && value.every(isPart) ? (value as QueryTemplate) : undefined;
}
