import { formatDuration } from './durations.ts';
import { serviceLabel, severityLevel } from './lookups.ts';
import { SEVERITIES, type Severity } from './schemas/common.ts';
import type { Services } from './schemas/services.ts';
import type { SeverityData } from './schemas/severity.ts';

// The tables of the severity page (src/pages/severity.astro), worked out here so that the route only renders them.

/** A row of the site-wide table. */
export interface SiteSeverityRow {
  severity: Severity;
  response: string;
  description: string | undefined;
}

/** A row of a service's table: the service's own level over the site-wide one (severityLevel). */
export interface ServiceSeverityRow extends SiteSeverityRow {
  /** The team's own name for the level, when it is more than the severity in another case (`SEV-1`, not `Critical`). */
  label: string | undefined;
  examples: string[];
  escalateTo: string | undefined;
  /** Who is told; an empty list is shown as "none", which is not the same as not saying. */
  notify: string[] | undefined;
  actions: string[];
}

export interface ServiceSeverityTable {
  service: string;
  label: string;
  /** Only the levels the service defines itself. */
  rows: ServiceSeverityRow[];
  /**
   * What the fourth column shows: escalation (with whom to notify) when any of the service's own levels names
   * someone to escalate to, else its actions when any level has some, else there is no fourth column.
   */
  lastColumn: 'escalation' | 'actions' | undefined;
}

/** Every severity, most urgent first, with the site-wide response target and meaning. */
export function siteSeverityRows(data: SeverityData): SiteSeverityRow[] {
  return SEVERITIES.map((severity) => ({
    severity,
    response: formatDuration(data.levels[severity].response),
    description: data.levels[severity].description,
  }));
}

/** One table per service that `severity.yaml` gives levels of its own, by service id. */
export function serviceSeverityTables(data: SeverityData, services: Services): ServiceSeverityTable[] {
  return Object.keys(data.services)
    .sort()
    .map((service) => {
      const own = data.services[service];
      const levels = SEVERITIES.filter((level) => own?.[level]);
      const escalation = levels.some((level) => own?.[level]?.escalate_to);
      const actions = levels.some((level) => own?.[level]?.actions.length);
      return {
        service,
        label: serviceLabel(services, service),
        lastColumn: escalation ? 'escalation' : actions ? 'actions' : undefined,
        rows: levels.map((severity) => {
          const level = severityLevel(data, severity, service);
          return {
            severity,
            label: level.label.toLowerCase() === severity ? undefined : level.label,
            response: level.response_text ?? formatDuration(level.response),
            description: level.description,
            examples: level.examples,
            escalateTo: level.escalate_to,
            notify: level.notify,
            actions: level.actions,
          };
        }),
      };
    });
}
