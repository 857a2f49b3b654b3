import type { Severity } from './schemas/common.ts';
import type { Services } from './schemas/services.ts';
import type { SeverityData, SeverityLevel } from './schemas/severity.ts';

// Lookups in the site's data files that every page and tool does the same way.

/** The level `severity` has for `service`: the service's own label and target first, then the site-wide ones. */
export function severityLevel(data: SeverityData, severity: Severity, service: string): SeverityLevel & { response: number } {
  const site = data.levels[severity];
  const own = data.services[service]?.[severity];
  return { ...site, ...own, response: own?.response ?? site.response };
}

/** The service's label from `services.yaml`, or its id when it has none (`services.yaml` is optional). */
export function serviceLabel(services: Services, service: string): string {
  return services[service]?.label ?? service;
}
