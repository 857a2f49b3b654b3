import { serviceLabel } from './lookups.ts';
import type { Services } from './schemas/services.ts';

export interface ServiceOption {
  id: string;
  label: string;
}

/**
 * The services that have at least one page, by id, with their labels: what the search panel's service filter offers.
 * From the pages rather than `services.yaml`, which is optional and may name services that have no page yet.
 */
export function serviceOptions(pages: readonly { entry: { data: { service: string } } }[], services: Services): ServiceOption[] {
  return [...new Set(pages.map((page) => page.entry.data.service))].sort().map((id) => ({ id, label: serviceLabel(services, id) }));
}
