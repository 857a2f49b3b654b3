import { valuesByService } from '../commands/environment-values.ts';
import { kindSections } from '../content/kind-sections.ts';
import { groupByService, type ServiceGroup } from '../content/page-order.ts';
import type { Severity } from '../content/schemas/common.ts';
import type { Environments } from '../content/schemas/environments.ts';
import type { RunbookKind } from '../content/schemas/runbook.ts';
import type { ValuesByService } from '../web/placeholder-values.ts';
import { bookAnchors } from './book-html.ts';

/** What the book needs of a page (what groupByService sorts by). */
interface BookSource {
  slug: string;
  entry: { data: { service: string; kind: RunbookKind; severity?: Severity | undefined; title: string } };
}

export interface BookPlan<T> {
  /** The pages by service and kind: the contents. */
  groups: ServiceGroup<T>[];
  /** Every page, in the order the book prints them: the home page's, service by service, incidents first. */
  pages: T[];
  /** slug → the id of the page's section in the book (bookAnchors). */
  anchors: Map<string, string>;
  /** Environment id → label: the environments `?env=` may name (`#book-environments`, read by the browser and `npm run pdf`). */
  environmentLabels: Record<string, string>;
  /** `#placeholder-values` for every service in the book, every environment (the browser keeps the one asked for). */
  placeholderValues: ValuesByService;
}

/** The book (`/book/`, src/pages/book.astro) worked out from the site's sorted pages, so that the route only renders it. */
export function planBook<T extends BookSource>(sortedPages: readonly T[], environments: Environments): BookPlan<T> {
  const groups = groupByService(sortedPages);
  const pages = groups.flatMap((group) => kindSections(group).flatMap((section) => section.pages));
  return {
    groups,
    pages,
    anchors: bookAnchors(pages.map((page) => page.slug)),
    environmentLabels: Object.fromEntries(Object.entries(environments).map(([id, environment]) => [id, environment.label])),
    placeholderValues: valuesByService(
      environments,
      pages.map((page) => page.entry.data.service),
    ),
  };
}

/** One service's share of the site: what its own book (`/book/services/<service>/`) prints. */
export interface ServiceBook<T, A> {
  service: string;
  /** Its pages, in the order of the whole book (planBook orders them as it orders all pages). */
  pages: T[];
  /** The alerts its pages handle, in the alert index's order. */
  alerts: A[];
}

/**
 * A book per service that has pages, in the site's service order, each with only that service's pages and alerts.
 * One pass over every page and alert for all the books, not one per book: a site may have a thousand pages and dozens
 * of services, and each book's route should then only work on its own share.
 */
export function serviceBooks<T extends { entry: { data: { service: string } } }, A extends { service: string }>(
  sortedPages: readonly T[],
  alerts: readonly A[],
): ServiceBook<T, A>[] {
  const books = new Map<string, ServiceBook<T, A>>();
  for (const page of sortedPages) {
    const { service } = page.entry.data;
    let book = books.get(service);
    if (!book) books.set(service, (book = { service, pages: [], alerts: [] }));
    book.pages.push(page);
  }
  // An alert belongs to a page, so its service has a book; one that does not would have no runbook to point at.
  for (const alert of alerts) books.get(alert.service)?.alerts.push(alert);
  return [...books.values()];
}

/**
 * `{ service id → label }` of the services that have a book of their own (`#book-services` in every frame): what
 * `npm run pdf` can print, and how to name each. From the services with pages (loadSite's serviceOptions), not
 * `services.yaml`, which may name services that have no page yet.
 */
export function bookServices(options: readonly { id: string; label: string }[]): Record<string, string> {
  return Object.fromEntries(options.map(({ id, label }) => [id, label]));
}
