import type { LocatedRule } from '../alerts/coverage.ts';
import { SEVERITIES, type Severity } from '../content/schemas/common.ts';
import { longestSuffixMatch, urlSegments } from './old-paths.ts';

/**
 * Which page of the old collection each alerting rule links: its `runbook_url`'s path ends with the page's path
 * (old-paths.ts), the longest such path winning, so that `…/runbooks/kubernetes/kubepodcrashlooping` means
 * `kubernetes/KubePodCrashLooping.md` whatever host and prefix the old site had.
 */

/** A page rules may point at: its path in the collection and the old paths it answered at. */
export interface LinkablePage {
  path: string;
  keys: readonly (readonly string[])[];
}

/** A rule whose `runbook_url` leads to no page of the collection, and why. */
export interface UnmatchedRule {
  rule: LocatedRule;
  reason: string;
}

export interface RuleLinks {
  /** Each rule that links a page, and the page's path, in the order the rule files were given. */
  links: { rule: LocatedRule; page: string }[];
  unmatched: UnmatchedRule[];
  /** Rules with no `runbook_url` at all: nothing says which page is theirs. */
  withoutUrl: LocatedRule[];
}

export function linkRules(rules: readonly LocatedRule[], pages: readonly LinkablePage[]): RuleLinks {
  const links: { rule: LocatedRule; page: string }[] = [];
  const unmatched: UnmatchedRule[] = [];
  const withoutUrl: LocatedRule[] = [];
  for (const rule of rules) {
    if (rule.runbookUrl === undefined || rule.runbookUrl === null || rule.runbookUrl === '') {
      withoutUrl.push(rule);
      continue;
    }
    const target = urlSegments(rule.runbookUrl);
    if (!target) {
      const reason = typeof rule.runbookUrl === 'string' ? 'its address is a template, which only the firing alert fills in' : 'it is not a URL';
      unmatched.push({ rule, reason });
      continue;
    }
    const { match, ambiguous } = longestSuffixMatch(target, pages, (page) => page.keys);
    if (match) links.push({ rule, page: match.path });
    else if (ambiguous.length > 0) unmatched.push({ rule, reason: `its path fits ${ambiguous.map((page) => page.path).join(' and ')} equally well` });
    else unmatched.push({ rule, reason: 'its path ends with no page of the folder' });
  }
  return { links, unmatched, withoutUrl };
}

/**
 * How the `severity` labels of the rules read as ours: Prometheus mixins label `critical`, `warning` and `info`
 * (and `none` for a watchdog); a label that is already one of our levels means itself. `--severity-map` adds to
 * and overrides these.
 */
export const DEFAULT_SEVERITY_MAP: Readonly<Record<string, Severity>> = {
  critical: 'critical',
  warning: 'high',
  info: 'low',
  high: 'high',
  medium: 'medium',
  low: 'low',
};

/** The severity a page gets from its rules: the highest of their labels, and what the labels were. */
export interface RuleSeverity {
  severity: Severity | undefined;
  /** Each distinct label value, with what it maps to (`undefined` when nothing maps it). */
  labels: { label: string; severity: Severity | undefined }[];
}

export function rulesSeverity(rules: readonly LocatedRule[], map: Readonly<Record<string, Severity>>): RuleSeverity {
  const labels = [...new Set(rules.flatMap((rule) => (rule.labels?.['severity'] !== undefined ? [rule.labels['severity'].trim().toLowerCase()] : [])))];
  const mapped = labels.map((label) => ({ label, severity: Object.hasOwn(map, label) ? map[label] : undefined }));
  const severity = SEVERITIES.find((level) => mapped.some((entry) => entry.severity === level));
  return { severity, labels: mapped };
}

/** Where a rule's `runbook_url` is written, else its alert name: what the report points at. */
export function ruleLine(rule: LocatedRule): number {
  return rule.runbookUrlAt?.line ?? rule.line;
}
