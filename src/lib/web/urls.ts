/**
 * Every URL the site publishes, built in one place: pages, alert links, `alerts.json`, the sitemap, the search
 * panel and the tools that check Prometheus `runbook_url`s must never disagree about where a page lives.
 * `base` is always a normalised base path (`/` or `/runbooks/`), as Astro's `import.meta.env.BASE_URL` is with
 * `trailingSlash: 'always'`.
 */

/** A base path as Astro writes `BASE_URL`: `docs`, `/docs` and `/docs/` are all `/docs/`; empty is `/`. */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** `/runbooks/db/latency/`: a slug is URL-safe by schema, so it is not encoded (its `/` must stay a separator). */
export function runbookPath(base: string, slug: string): string {
  return `${base}runbooks/${slug}/`;
}

/** Where `/alerts/<ALERT>/` forwards: the runbook, marking the alert (AlertRedirect.astro and redirect-page.ts). */
export function alertTarget(base: string, slug: string, alert: string): string {
  return withAlert(runbookPath(base, slug), alert);
}

/** `/alerts/KubePodCrashLooping/`: alert names may hold `:` and `.`, so the name is encoded. */
export function alertPath(base: string, alert: string): string {
  return `${base}alerts/${encodeURIComponent(alert)}/`;
}

/**
 * A runbook link that marks one of its alerts in the page's header (scripts/alert-highlight.ts), as the alert links
 * `/alerts/NAME/` do: `/runbooks/db/latency/?alert=DB_CPU_HIGH`.
 */
export function withAlert(href: string, alert: string): string {
  const [path, hash] = href.split('#', 2) as [string, string | undefined];
  const marked = `${path}${path.includes('?') ? '&' : '?'}alert=${encodeURIComponent(alert)}`;
  return hash === undefined ? marked : `${marked}#${hash}`;
}

/** Absolute when the site's public URL is known (Alertmanager and Slack need absolute links), else the path. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  return site ? new URL(path, site).href : path;
}

/**
 * Where a book is, relative to the site root: `runbooks.pdf` for the whole book, `runbooks-<env>.pdf` for an
 * environment's; a team's own book is the same name under `services/<service>/`.
 */
export function pdfFileName(env?: string, service?: string): string {
  const name = env === undefined ? 'runbooks.pdf' : `runbooks-${env}.pdf`;
  return service === undefined ? name : `services/${service}/${name}`;
}

/** `decodeURIComponent` that answers undefined for a malformed escape (`%E0%A4%A`) instead of throwing. */
export function decodePathSegment(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
