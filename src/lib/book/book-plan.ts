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
