import { SEVERITIES, type Severity } from './schemas/common.ts';
import { KINDS, type RunbookKind } from './schemas/runbook.ts';

// The order pages are listed in, everywhere: the home page, the alert index, the book, the search index.

interface Sortable {
  slug: string;
  entry: { data: { service: string; kind: RunbookKind; severity?: Severity | undefined; title: string } };
}

/**
 * Service, then kind (incidents first), then severity (most urgent first), then title, then slug.
 * Every listing, the PDF and the search index use this order, so output is stable between builds.
 */
export function sortPages<T extends Sortable>(pages: readonly T[]): T[] {
  const rank = (severity: Severity | undefined) => (severity ? SEVERITIES.indexOf(severity) : SEVERITIES.length);
  return [...pages].sort((a, b) => {
    const x = a.entry.data;
    const y = b.entry.data;
    return (
      x.service.localeCompare(y.service) ||
      KINDS.indexOf(x.kind) - KINDS.indexOf(y.kind) ||
      rank(x.severity) - rank(y.severity) ||
      x.title.localeCompare(y.title) ||
      a.slug.localeCompare(b.slug)
    );
  });
}

export interface ServiceGroup<T> {
  service: string;
  incidents: T[];
  procedures: T[];
  references: T[];
}

/** Pages by service (in the order given, which `sortPages` made stable), split by kind: the home page and the PDF contents. */
export function groupByService<T extends Sortable>(pages: readonly T[]): ServiceGroup<T>[] {
  const groups = new Map<string, ServiceGroup<T>>();
  for (const page of pages) {
    const { service, kind } = page.entry.data;
    let group = groups.get(service);
    if (!group) groups.set(service, (group = { service, incidents: [], procedures: [], references: [] }));
    pagesOfKind(group, kind).push(page);
  }
  return [...groups.values()];
}

/** The group's list of `kind` pages: the one place that knows which field holds which kind. */
export function pagesOfKind<T>(group: ServiceGroup<T>, kind: RunbookKind): T[] {
  return { incident: group.incidents, procedure: group.procedures, reference: group.references }[kind];
}
