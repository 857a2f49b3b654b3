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
 * written, so it must be absolute; a query (`?env=production`) or fragment is kept by the alert page and does not
 * matter here, and a missing trailing slash is redirected by every static host.
 */
export function urlTarget(value: unknown, location: SiteLocation): UrlTarget {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return { kind: 'elsewhere', reason: 'is empty' };
  if (typeof value !== 'string') return { kind: 'elsewhere', reason: 'is not a string' };
  // Prometheus expands templates when the alert fires; `$labels` does not even hold `alertname` at that point.
  if (value.includes('{{')) return { kind: 'elsewhere', reason: 'is a template, which this check cannot follow' };
  let url: URL;
  try {
    url = new URL(value);
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
