import { type CollectionEntry, getCollection } from 'astro:content';
import { type AlertEntry, alertSource, buildAlertIndex } from '../lib/alerts/alert-index.ts';
import { severityLevel } from '../lib/content/lookups.ts';
import type { PageFacts } from '../lib/content/page-facts.ts';
import { sortPages } from '../lib/content/page-order.ts';
import { reviewOverdue } from '../lib/content/review.ts';
import type { Environments } from '../lib/content/schemas/environments.ts';
import type { Services } from '../lib/content/schemas/services.ts';
import type { SeverityData } from '../lib/content/schemas/severity.ts';
import type { SiteConfig } from '../lib/content/schemas/site.ts';
import { type ServiceOption, serviceOptions } from '../lib/content/service-options.ts';
import { ContentError } from '../lib/errors.ts';
import { CONTENT_ROOT } from '../node/content-root.ts';
import { digest } from '../node/digest.ts';
import { loadData } from '../node/load-data-file.ts';

export type RunbookEntry = CollectionEntry<'runbooks'>;

/** A page with what every listing shows already worked out. */
export interface Page extends PageFacts {
  entry: RunbookEntry;
}

export interface Site {
  pages: Page[];
  config: SiteConfig;
  environments: Environments;
  severity: SeverityData;
  services: Services;
  alerts: AlertEntry[];
  /** The services that have pages, with their labels: the header search's filter on every page, worked out once. */
  serviceOptions: ServiceOption[];
  /** A digest of the site-wide data every runbook page shows: part of each page's cache key (pageCacheMaterial). */
  siteDataDigest: string;
}

let site: Promise<Site> | undefined;

/**
 * Everything the pages render, loaded once per build. Only routes (src/pages) call it and hand each component what
 * it needs as props. The content was checked before the build started (src/plugins/content-check.ts); the alert
 * index is built here, and refuses an alert in two runbooks again because `astro dev` only warns about it.
 */
export function loadSite(): Promise<Site> {
  site ??= load();
  return site;
}

async function load(): Promise<Site> {
  const { environments, severity, services, site: config } = loadData(CONTENT_ROOT);
  const entries = await getCollection('runbooks');

  const pages = entries.map((entry): Page => {
    const { data } = entry;
    const level = data.severity && severityLevel(severity, data.severity, data.service);
    const file = entry.filePath ?? entry.id;
    return {
      entry,
      slug: entry.id,
      file,
      response: data.sla?.response ?? level?.response,
      resolve: data.sla?.resolve,
      severityLabel: level && level.label.toLowerCase() !== data.severity ? level.label : undefined,
      reviewOverdue: reviewOverdue(data.last_reviewed, data.review_every ?? config.review_every),
    };
  });
  const alertIndex = buildAlertIndex(pages.map((page) => alertSource({ slug: page.slug, file: page.file, data: page.entry.data }, page.response)));
  if (alertIndex.problems.length > 0) throw new ContentError(alertIndex.problems);
  const sorted = sortPages(pages);
  const options = serviceOptions(sorted, services);
  const siteDataDigest = digest(JSON.stringify([config, environments, severity, services, options]));
  return { pages: sorted, config, environments, severity, services, alerts: alertIndex.entries, serviceOptions: options, siteDataDigest };
}
