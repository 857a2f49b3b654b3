import { pagesOfKind, type ServiceGroup } from './page-order.ts';
import { KINDS, type RunbookKind } from './schemas/runbook.ts';

/** How listings head each kind of page: the home page's captions and the book's contents. */
export const KIND_HEADINGS: Readonly<Record<RunbookKind, string>> = { incident: 'Incidents', procedure: 'Procedures', reference: 'Reference' };

export interface KindSection<T> {
  kind: RunbookKind;
  heading: string;
  pages: T[];
}

/**
 * A service's pages of each kind, in KINDS order, with their headings. `ServiceGroup` keeps one field per kind; walking
 * them here, in the one order, means the book's contents and its page order cannot list the kinds differently.
 */
export function kindSections<T>(group: ServiceGroup<T>): KindSection<T>[] {
  return KINDS.map((kind) => ({ kind, heading: KIND_HEADINGS[kind], pages: pagesOfKind(group, kind) }));
}
