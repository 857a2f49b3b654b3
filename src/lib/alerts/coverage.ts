import type { ContentProblem, Location } from '../errors.ts';
import { type LinkInput, linkParameters, RESERVED_INPUT_NAMES } from '../web/link-values.ts';
import type { AlertEntry } from './alert-index.ts';
import type { AlertRule } from './prometheus-rules.ts';
import { alertUrl, isOnSite, keptQuery, runbookUrlProblem, type SiteLocation, type SitePages, urlParameters } from './runbook-url.ts';

/** An alerting rule and the file it is in. */
export interface LocatedRule extends AlertRule {
  file: string;
}

/**
 * - `no-runbook`: an alert in the rules that no runbook here handles (error: the pager links nowhere useful).
 * - `runbook-url`: a rule whose `annotations.runbook_url` is missing or leads somewhere else (error, `--fix` writes it).
 * - `no-rule`: a runbook alert that no rule checked fires (warning: a renamed or deleted alert, or rules kept elsewhere).
 * - `link-parameter`: a `runbook_url` query parameter that fills none of the runbook's inputs and is not `env` or
 *   `alert` (warning: the page ignores it, so it is most likely a misspelt input).
 */
export type CoverageKind = 'no-runbook' | 'runbook-url' | 'no-rule' | 'link-parameter';

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
  /** Runbook slug → the `inputs` it declares, which a link's query parameters may fill. */
  inputs: ReadonlyMap<string, readonly LinkInput[]>;
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
    const slug = pages.alerts.get(rule.alert)!;
    const inputs = site.inputs.get(slug) ?? [];
    const meaningful = (name: string) => RESERVED_INPUT_NAMES.has(name) || inputs.some((input) => linkParameters(input).includes(name));
    const missing = rule.runbookUrl === undefined;
    const reason = missing ? undefined : runbookUrlProblem(rule.runbookUrl, rule.alert, pages, location);
    if (missing || reason !== undefined) {
      const expected = alertUrl(rule.alert, location) + keptQuery(rule.runbookUrl, location, meaningful);
      // Without the site URL only the path is known; `<site>` says what the reader has to put in front of it.
      const shown = location.site ? expected : `<site>${expected}`;
      const message = missing
        ? `alert ${rule.alert}: no runbook_url annotation; expected ${shown}`
        : `alert ${rule.alert}: runbook_url ${describeUrl(rule.runbookUrl)}${reason}; expected ${shown}`;
      problems.push({ ...where, severity: 'error', kind: 'runbook-url', alert: rule.alert, message, expected, rule });
    }
    problems.push(...parameterProblems(rule, slug, inputs, meaningful, location));
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

/**
 * A warning for each query parameter of the rule's runbook_url that the runbook does not read, at the parameter
 * when the URL is written verbatim on one line, else at the URL. Links elsewhere are not read: their query is that
 * tool's, and `--fix` drops it.
 */
function parameterProblems(
  rule: LocatedRule,
  slug: string,
  inputs: readonly LinkInput[],
  meaningful: (name: string) => boolean,
  location: SiteLocation,
): CoverageProblem[] {
  if (typeof rule.runbookUrl !== 'string' || !isOnSite(rule.runbookUrl, location)) return [];
  const at = rule.runbookUrlAt;
  const declared =
    inputs.length === 0
      ? 'it declares no inputs'
      : `its inputs are ${inputs.map((input) => (input.label && input.label !== input.name ? `${input.name} (or ${input.label})` : input.name)).join(', ')}`;
  return urlParameters(rule.runbookUrl)
    .filter((parameter) => parameter.name !== undefined && parameter.name !== '' && !meaningful(parameter.name))
    .map((parameter) => ({
      file: rule.file,
      line: at?.line ?? rule.line,
      column: at ? at.column + (at.verbatim ? parameter.index : 0) : rule.column,
      severity: 'warning',
      kind: 'link-parameter',
      alert: rule.alert,
      message: `alert ${rule.alert}: runbook_url parameter ${shownName(parameter.name!)} fills no input of runbook ${slug}, so the page ignores it (a typo?); ${declared}`,
    }));
}

/** A parameter name in quotes, with control and invisible characters escaped so that the report stays one line per problem. */
function shownName(name: string): string {
  return JSON.stringify(name).replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (character) => `\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/** The value as a reader would spot it in the file, followed by a space; nothing for an empty one. */
function describeUrl(value: unknown): string {
  if (value === null || value === '') return '';
  return `${typeof value === 'string' ? value : JSON.stringify(value)} `;
}
