import { z } from 'zod';
import { durationSchema, SEVERITIES, type Severity } from './common.ts';

const levelSchema = z.object({
  /** The team's own name for the level: `SEV-1`, `P0`, `Critical`. */
  label: z.string(),
  /** Response target. */
  response: durationSchema.optional(),
  /** Response target as the team words it, when minutes do not say it all ("Next business day"). */
  response_text: z.string().optional(),
  description: z.string().optional(),
  examples: z.array(z.string()).default([]),
  /** What to do when it happens. */
  actions: z.array(z.string()).default([]),
  escalate_to: z.string().optional(),
  notify: z.array(z.string()).optional(),
});

const levelsSchema = z.partialRecord(z.enum(SEVERITIES), levelSchema);

/** `content/severity.yaml`: what each severity means and how fast it is answered, site-wide and per service. */
export const severityDataSchema = z.object({
  levels: z.record(z.enum(SEVERITIES), levelSchema.extend({ response: durationSchema })),
  services: z.record(z.string(), levelsSchema).default({}),
});

export type SeverityLevel = z.output<typeof levelSchema>;
export type SeverityData = z.output<typeof severityDataSchema>;

/** Used when the content root has no `severity.yaml` (a team's existing runbooks, the benchmark corpus). */
export const DEFAULT_SEVERITY_DATA: SeverityData = {
  levels: {
    critical: { label: 'Critical', response: 15, examples: [], actions: [] },
    high: { label: 'High', response: 60, examples: [], actions: [] },
    medium: { label: 'Medium', response: 240, examples: [], actions: [] },
    low: { label: 'Low', response: 1440, examples: [], actions: [] },
  },
  services: {},
};

/** The level `severity` has for `service`: the service's own label and target first, then the site-wide ones. */
export function severityLevel(data: SeverityData, severity: Severity, service: string) {
  const site = data.levels[severity];
  const own = data.services[service]?.[severity];
  return { ...site, ...own, response: own?.response ?? site.response } as SeverityLevel & { response: number };
}
