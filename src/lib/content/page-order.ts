import { SEVERITIES, type Severity } from './schemas/common.ts';

interface Sortable {
  slug: string;
  entry: { data: { service: string; kind: string; severity?: Severity | undefined; title: string } };
}

const KIND_ORDER = ['incident', 'procedure', 'reference'];

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
      KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) ||
      rank(x.severity) - rank(y.severity) ||
      x.title.localeCompare(y.title) ||
      a.slug.localeCompare(b.slug)
    );
  });
}
