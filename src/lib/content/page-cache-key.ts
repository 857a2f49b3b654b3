import type { PageFacts } from './page-facts.ts';

/**
 * What a runbook page shows, as one string: Astro's incremental build (`experimental.incrementalBuild`) copies a
 * page from the previous build when its `cacheKey` is unchanged, so the key must change whenever anything the page
 * shows does. A page shows its own source (title, body, alerts …: Astro's digest of the file), what the site
 * worked out for it (response target, severity label, whether its review is overdue, which changes with the date
 * alone), its service's label, the titles and summaries of its related pages, and the site-wide data every page
 * carries (environments and their values, severity levels, services, site.yaml, the header's service filter),
 * given here as one digest of them (`siteData`).
 */
export interface CacheKeySource extends PageFacts {
  entry: { digest?: string | number | undefined; data: { title: string; summary: string } };
}

export function pageCacheMaterial(page: CacheKeySource, related: readonly CacheKeySource[], serviceLabel: string, siteData: string): string {
  // A page without a digest (a loader that gives none) has no key worth trusting: its own data stands in whole.
  const source = page.entry.digest === undefined ? JSON.stringify(page.entry.data) : String(page.entry.digest);
  return JSON.stringify([
    page.slug,
    page.file,
    source,
    page.response ?? null,
    page.resolve ?? null,
    page.severityLabel ?? null,
    page.reviewOverdue,
    serviceLabel,
    related.map((other) => [other.slug, other.entry.data.title, other.entry.data.summary]),
    siteData,
  ]);
}
