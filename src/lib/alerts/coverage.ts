import type { ContentProblem, Location } from '../errors.ts';
import type { AlertEntry } from './alert-index.ts';
import type { AlertRule } from './prometheus-rules.ts';
import { alertUrl, runbookUrlProblem, type SiteLocation, type SitePages } from './runbook-url.ts';

/** An alerting rule and the file it is in. */
export interface LocatedRule extends AlertRule {
  file: string;
}

/**
 * - `no-runbook`: an alert in the rules that no runbook here handles (error: the pager links nowhere useful).
 * - `runbook-url`: a rule whose `annotations.runbook_url` is missing or leads somewhere else (error, `--fix` writes it).
 * - `no-rule`: a runbook alert that no rule checked fires (warning: a renamed or deleted alert, or rules kept elsewhere).
 */
export type CoverageKind = 'no-runbook' | 'runbook-url' | 'no-rule';

export interface CoverageProblem extends ContentProblem {
  kind: CoverageKind;
  alert: string;
  /** For `runbook-url`: the URL to write (absolute when the site is known), and the rule to write it into. */
  expected?: string | undefined;
  rule?: LocatedRule | undefined;
}

/** What the site knows of its alerts: the alert index, every runbook slug, and where each alert is listed. */
export interface CoverageSite {
  entries: readonly AlertEntry[];
  slugs: ReadonlySet<string>;
  /** Where each alert is written in its runbook's frontmatter, for the `no-rule` warnings. */
  alertLocations: ReadonlyMap<string, Location>;
}

/**
 * Compares the alerting rules with the runbooks. Rules are reported in the order given and runbook alerts in
 * alert-index order (sorted by name), so that the output is the same from run to run. Names are compared exactly, as
 * Prometheus does: `redisdown` is not `RedisDown`, even though the site answers `/alerts/redisdown/` too.
 */
export function alertCoverage(rules: readonly LocatedRule[], site: CoverageSite, location: SiteLocation): CoverageProblem[] {
  const pages: SitePages = { alerts: new Map(site.entries.map((entry) => [entry.alert, entry.slug])), slugs: site.slugs };
  const problems: CoverageProblem[] = [];
  for (const rule of rules) {
    const where = { file: rule.file, line: rule.line, column: rule.column };
    if (!pages.alerts.has(rule.alert)) {
      problems.push({
        ...where,
        severity: 'error',
        kind: 'no-runbook',
        alert: rule.alert,
        message: `alert ${rule.alert}: no runbook here handles it; list it in the \`alerts\` of the runbook that does`,
      });
      continue;
    }
    const expected = alertUrl(rule.alert, location);
    // Without the site URL only the path is known; `<site>` says what the reader has to put in front of it.
    const shown = location.site ? expected : `<site>${expected}`;
    const missing = rule.runbookUrl === undefined;
    const reason = missing ? undefined : runbookUrlProblem(rule.runbookUrl, rule.alert, pages, location);
    if (!missing && reason === undefined) continue;
    const message = missing
      ? `alert ${rule.alert}: no runbook_url annotation; expected ${shown}`
      : `alert ${rule.alert}: runbook_url ${describeUrl(rule.runbookUrl)}${reason}; expected ${shown}`;
    problems.push({ ...where, severity: 'error', kind: 'runbook-url', alert: rule.alert, message, expected, rule });
  }

  const ruled = new Set(rules.map((rule) => rule.alert));
  for (const entry of site.entries) {
    if (ruled.has(entry.alert)) continue;
    problems.push({
      // Without a position from the caller, the runbook's slug still says where to look.
      ...(site.alertLocations.get(entry.alert) ?? { file: entry.slug }),
      severity: 'warning',
      kind: 'no-rule',
      alert: entry.alert,
      message: `alert ${entry.alert}: has a runbook but is in no alerting rule checked (renamed or removed?)`,
    });
  }
  return problems;
}

/** The value as a reader would spot it in the file, followed by a space; nothing for an empty one. */
function describeUrl(value: unknown): string {
  if (value === null || value === '') return '';
  return `${typeof value === 'string' ? value : JSON.stringify(value)} `;
}
