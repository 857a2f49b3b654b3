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

/**
 * A calendar day written `YYYY-MM-DD` → that day at 00:00 UTC. Only real days: `2026-02-30` is an error rather
 * than March 2, and `20260115`, `"Jan 5"` or `true`, which JavaScript's Date would read as some day, are errors.
 * YAML keeps an unquoted `2026-01-15` as text (content/yaml.ts), so the rule sees what the author wrote.
 */
export const daySchema = z.string({ error: (issue) => dayExpected(issue.input) }).transform((text, ctx) => {
  const day = parseDay(text);
  if (day === undefined) {
    const message = DAY_FORMAT.test(text) ? `${JSON.stringify(text)} is not a day of the calendar: expected a real date, like 2026-01-31` : dayExpected(text);
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  }
  return day;
});

const DAY_FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayExpected = (input: unknown) => `expected a date written YYYY-MM-DD, like 2026-01-31, got ${JSON.stringify(input)}`;

/** `2026-01-31` → 00:00 UTC that day; `undefined` for anything else, `2026-02-30` included. */
export function parseDay(text: string): Date | undefined {
  const match = DAY_FORMAT.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls day 30 of February over into March: a date that does not read back is not a day.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/** Lower-case words joined by hyphens: service ids, group and page names. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: (issue) => `expected a lower-case slug like "payments-api", got ${JSON.stringify(issue.input)}` });

/**
 * Letters, digits and `_`, not starting with a digit: a `{{placeholder}}` name, a Prometheus label name in its
 * classic form, and a Go template field (`$labels.instance`) all follow this one rule.
 */
export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A `{{placeholder}}` name: what the command-block rule accepts between the braces. */
export const placeholderNameSchema = z
  .string()
  .regex(IDENTIFIER, { error: (issue) => `expected a placeholder name like "pod_name", got ${JSON.stringify(issue.input)}` });
