import { z } from 'zod';
import { durationSchema, SEVERITIES } from './common.ts';

const levelSchema = z.object({
  /** The team's own name for the level: `SEV-1`, `P0`, `Critical`. */
  label: z.string(),
  /** Response target. */
  response: durationSchema.optional(),
  /** Response target as the team words it, when minutes do not say it all ("Next business day"). */
  response_text: z.string().optional(),
  /** What the level means, in a sentence: shown on the severity page. */
  description: z.string().optional(),
  /** Incidents that are this level, so a responder can compare. */
  examples: z.array(z.string()).default([]),
  /** What to do when it happens. */
  actions: z.array(z.string()).default([]),
  /** Who to call when the response target is missed. */
  escalate_to: z.string().optional(),
  /** Channels or people told when an incident of this level opens. */
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
