import { z } from 'zod';
import { parseDuration } from '../durations.ts';

/** The four severities, most urgent first; their order is the sort order everywhere. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Rejects a value outside `values` with the list of what is allowed and what was written. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) => `expected one of ${values.join('|')}, got ${JSON.stringify(issue.input)}`,
  });
}

export const severitySchema = oneOf(SEVERITIES);

/** `15m`, `1h`, `1h30m`, `2d` → minutes. */
export const durationSchema = z
  .string({ error: (issue) => `expected a duration such as "15m", "1h" or "2d", got ${JSON.stringify(issue.input)}` })
  .transform((text, ctx) => {
    const minutes = parseDuration(text);
    if (minutes === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected a duration such as "15m", "1h" or "2d", got ${JSON.stringify(text)}` });
      return z.NEVER;
    }
    return minutes;
  });

/** Lower-case words joined by hyphens: service ids, group and page names. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: (issue) => `expected a lower-case slug like "payments-api", got ${JSON.stringify(issue.input)}` });

/** A `{{placeholder}}` name: what the command-block rule accepts between the braces. */
export const placeholderNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: (issue) => `expected a placeholder name like "pod_name", got ${JSON.stringify(issue.input)}` });
