import { stringify } from 'yaml';
import { formatAuthorDuration, formatDuration } from './durations.ts';
import { isValidSlug } from './page-slug.ts';
import { SEVERITIES, type Severity, slugSchema } from './schemas/common.ts';
import { alertNameSchema } from './schemas/runbook.ts';

export interface NewRunbookOptions {
  slug: string;
  service: string;
  severity: string;
  alerts: string[];
  /** Response target of the severity, in minutes. */
  responseMinutes: number;
  today: Date;
  /** Whether the environments define `{{namespace}}` for the service: the sample command uses it only then. */
  hasNamespace: boolean;
}

/** Why the options cannot make a runbook, one message per problem; empty when they can. */
export function newRunbookProblems(options: Pick<NewRunbookOptions, 'slug' | 'service' | 'severity' | 'alerts'>): string[] {
  const problems: string[] = [];
  if (!isValidSlug(options.slug))
    problems.push(`name: expected <group>/<name> in lower-case words joined by hyphens, like "payments/ledger-lag", got ${JSON.stringify(options.slug)}`);
  const service = slugSchema.safeParse(options.service);
  if (!service.success) problems.push(`--service: ${service.error.issues[0]?.message}`);
  if (!(SEVERITIES as readonly string[]).includes(options.severity))
    problems.push(`--severity: expected one of ${SEVERITIES.join('|')}, got ${JSON.stringify(options.severity)}`);
  for (const alert of options.alerts) {
    const result = alertNameSchema.safeParse(alert);
    if (!result.success) problems.push(`--alert: ${result.error.issues[0]?.message}`);
  }
  return problems;
}

/** The text of a new runbook: valid frontmatter and the standard sections, each saying what belongs in it. */
export function newRunbookText(options: NewRunbookOptions): string {
  const name = options.slug.split('/').at(-1)!;
  const title = name.charAt(0).toUpperCase() + name.slice(1).replace(/-/g, ' ');
  const frontmatter = {
    title,
    summary: `Use when ${title.toLowerCase()}.`,
    service: options.service,
    severity: options.severity as Severity,
    alerts: options.alerts,
    sla: { response: formatAuthorDuration(options.responseMinutes) },
    last_reviewed: options.today.toISOString().slice(0, 10),
  };
  return `---
${stringify(frontmatter, { flowCollectionPadding: false }).trimEnd()}
---

What is broken and who notices. Respond within ${formatDuration(options.responseMinutes)}.

## Symptoms

- What the alert or the users report.

## Diagnosis

Confirm the cause before changing anything.

\`\`\`bash
${options.hasNamespace ? 'kubectl -n {{namespace}} get pods' : 'kubectl get pods'}
\`\`\`

## Resolution

The first action that restores service, then the next if it does not.

## Verification

- [ ] The alert has resolved.
- [ ] Error rate and latency are back to normal.

## Prevention

- The follow-up that stops this from happening again.
`;
}
