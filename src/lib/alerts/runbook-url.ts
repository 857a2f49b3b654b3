import { absoluteUrl, alertPath, decodePathSegment } from '../web/urls.ts';

/** Where the site is published: its public URL when known, and the base path it is served under. */
export interface SiteLocation {
  /** `https://runbooks.example.com`; without it only the path of a `runbook_url` can be checked. */
  site?: URL | undefined;
  /** Base path with a leading and a trailing slash: `/` or `/runbooks/`. */
  base: string;
}

/**
 * The stable URL of an alert, built by the same rule as `/alerts.json` (`src/lib/web/urls.ts`), so that the check and
 * the manifest never disagree: absolute when the site is known, root-relative otherwise.
 */
export function alertUrl(alert: string, location: SiteLocation): string {
  return absoluteUrl(alertPath(location.base, alert), location.site);
}

/** What a `runbook_url` leads to on this site, or why it leads nowhere on it. */
export type UrlTarget = { kind: 'alert'; name: string } | { kind: 'runbook'; slug: string } | { kind: 'elsewhere'; reason: string };

/**
 * Reads a `runbook_url` the way a browser following it would. Alertmanager, PagerDuty and Slack show the link as
 * written, so it must be absolute; a query (`?env=production`, `?pod={{ $labels.pod | urlquery }}`) or fragment is
 * kept by the alert page and does not choose the page, and a missing trailing slash is redirected by every static host.
 */
export function urlTarget(value: unknown, location: SiteLocation): UrlTarget {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return { kind: 'elsewhere', reason: 'is empty' };
  if (typeof value !== 'string') return { kind: 'elsewhere', reason: 'is not a string' };
  const { address } = splitUrl(value);
  // Prometheus expands templates when the alert fires; `$labels` does not even hold `alertname` at that point. In
  // the query they are fine (`?pod={{ $labels.pod | urlquery }}`): they fill the page's inputs, not pick the page.
  if (address.includes('{{')) return { kind: 'elsewhere', reason: 'is a template, which this check cannot follow' };
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { kind: 'elsewhere', reason: 'is not an absolute URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'elsewhere', reason: 'is not an http(s) URL' };
  if (location.site && url.origin !== location.site.origin) return { kind: 'elsewhere', reason: `is not on ${location.site.origin}` };
  if (!`${url.pathname}/`.startsWith(location.base)) return { kind: 'elsewhere', reason: `is outside this site's base path ${location.base}` };
  const rest = url.pathname.slice(location.base.length);
  const page = /^(alerts|runbooks)\/(.+?)\/?$/.exec(rest);
  const segment = page?.[2] && decodePathSegment(page[2]);
  if (!page || !segment) return { kind: 'elsewhere', reason: 'is not an alert or runbook page of this site' };
  if (page[1] === 'runbooks') return { kind: 'runbook', slug: segment };
  if (segment.includes('/')) return { kind: 'elsewhere', reason: 'is not an alert or runbook page of this site' };
  return { kind: 'alert', name: segment };
}

/** What the site has to offer a `runbook_url`: which runbook handles each alert, and every runbook there is. */
export interface SitePages {
  /** Alert name → slug of the runbook that handles it. */
  alerts: ReadonlyMap<string, string>;
  slugs: ReadonlySet<string>;
}

/**
 * Why `value` is not a right `runbook_url` for `alert`, or `undefined` when it is. Right means the alert's own page
 * (`/alerts/<name>/` or its lower-case alias) or the page of the runbook that handles it. A link to another alert is
 * wrong even when the same runbook handles both: the page would highlight the wrong alert.
 */
export function runbookUrlProblem(value: unknown, alert: string, pages: SitePages, location: SiteLocation): string | undefined {
  const target = urlTarget(value, location);
  switch (target.kind) {
    case 'elsewhere':
      return target.reason;
    case 'runbook': {
      const slug = pages.alerts.get(alert);
      if (target.slug === slug) return undefined;
      return pages.slugs.has(target.slug)
        ? `leads to runbook ${target.slug}, which does not handle ${alert}`
        : `leads to runbook ${target.slug}, which does not exist`;
    }
    case 'alert': {
      if (target.name === alert || target.name === alert.toLowerCase()) return undefined;
      const other = [...pages.alerts.keys()].find((name) => target.name === name || target.name === name.toLowerCase());
      // Alert URLs keep the name's case or lower-case all of it; anything in between is no page.
      return other ? `points at alert ${other}` : `points at alert ${target.name}, which has no page here`;
    }
  }
}

/**
 * A `runbook_url` cut where a browser cuts it: the address, then from the first `?` the query, then from the first
 * `#` the fragment. `{{ … }}` actions are read as opaque, so a `?` or `#` inside one cuts nothing: the URL is split
 * as it will be once Prometheus has expanded them.
 */
export interface UrlParts {
  address: string;
  /** The query without its `?` (which follows the address); undefined when there is no `?`. */
  query: string | undefined;
  /** The fragment without its `#`; undefined when there is none. */
  fragment: string | undefined;
}

export function splitUrl(value: string): UrlParts {
  const queryMark = indexOutsideTemplates(value, '?#', 0);
  const fragmentMark = value[queryMark] === '#' ? queryMark : indexOutsideTemplates(value, '#', queryMark + 1);
  return {
    address: value.slice(0, queryMark),
    query: value[queryMark] === '?' ? value.slice(queryMark + 1, fragmentMark) : undefined,
    fragment: fragmentMark < value.length ? value.slice(fragmentMark + 1) : undefined,
  };
}

/** The index of the first of `characters` at or after `from` outside `{{ … }}`; the length when there is none. */
function indexOutsideTemplates(value: string, characters: string, from: number): number {
  for (let index = from; index < value.length; index++) {
    if (value.startsWith('{{', index)) {
      const end = value.indexOf('}}', index + 2);
      // An action that is never closed runs to the end: Prometheus refuses such an annotation anyway.
      if (end === -1) return value.length;
      index = end + 1;
    } else if (characters.includes(value[index]!)) return index;
  }
  return value.length;
}

/** One `name=value` of a runbook_url's query. */
export interface UrlParameter {
  /**
   * The name as the page reads it (percent-decoded, like URLSearchParams); undefined when it holds a template,
   * which only the firing alert can tell.
   */
  name: string | undefined;
  /** The parameter as written, `pod={{ $labels.pod | urlquery }}`. */
  text: string;
  /** Where it starts in the value. */
  index: number;
}

/** The parameters of a runbook_url's query, empty ones (`?&a=1`) left out. */
export function urlParameters(value: string): UrlParameter[] {
  const { address, query } = splitUrl(value);
  if (query === undefined) return [];
  const queryStart = address.length + 1;
  const parameters: UrlParameter[] = [];
  for (let start = 0; start <= query.length; ) {
    const end = indexOutsideTemplates(query, '&', start);
    const text = query.slice(start, end);
    if (text !== '') {
      const rawName = text.slice(0, indexOutsideTemplates(text, '=', 0));
      const name = rawName.includes('{{') ? undefined : ([...new URLSearchParams(`${rawName}=`).keys()][0] ?? '');
      parameters.push({ name, text, index: queryStart + start });
    }
    start = end + 1;
  }
  return parameters;
}

/**
 * Whether a runbook_url is meant for this site, so that its query is this site's to read: on the site's host (any
 * host when it is not known) or a root-relative path. A link to a wiki or a dashboard carries that tool's query.
 */
export function isOnSite(value: string, location: SiteLocation): boolean {
  if (value.startsWith('/') && !value.startsWith('//')) return true;
  let url: URL;
  try {
    url = new URL(splitUrl(value).address);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && (!location.site || url.origin === location.site.origin);
}

/**
 * What `--fix` carries over from a wrong `runbook_url` to the one it writes, as `?…#…` to append: from a link on
 * this site, its query and fragment as written (the reader's `?env=`, the alert's `?pod={{ … }}`, even a misspelt
 * parameter, which is then reported); from a link elsewhere, only the parameters that mean something here
 * (`meaningful`), since the rest were that other tool's.
 */
export function keptQuery(value: unknown, location: SiteLocation, meaningful: (name: string) => boolean): string {
  if (typeof value !== 'string') return '';
  if (isOnSite(value, location)) {
    const { address } = splitUrl(value);
    return value.slice(address.length);
  }
  const kept = urlParameters(value).filter((parameter) => parameter.name !== undefined && meaningful(parameter.name));
  return kept.length > 0 ? `?${kept.map((parameter) => parameter.text).join('&')}` : '';
}
