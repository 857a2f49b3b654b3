import type { RunbookKind } from './schemas/runbook.ts';

interface Groupable {
  entry: { data: { service: string; kind: RunbookKind } };
}

export interface ServiceGroup<T> {
  service: string;
  incidents: T[];
  procedures: T[];
  references: T[];
}

/** Pages by service (in the order given, which `sortPages` made stable), split by kind: the home page and the PDF contents. */
export function groupByService<T extends Groupable>(pages: readonly T[]): ServiceGroup<T>[] {
  const groups = new Map<string, ServiceGroup<T>>();
  for (const page of pages) {
    const { service, kind } = page.entry.data;
    let group = groups.get(service);
    if (!group) groups.set(service, (group = { service, incidents: [], procedures: [], references: [] }));
    ({ incident: group.incidents, procedure: group.procedures, reference: group.references })[kind].push(page);
  }
  return [...groups.values()];
}
