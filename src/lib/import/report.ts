import { plural } from '../format.ts';
import type { ImportPlan, Inferred, PageFields, PlannedPage } from './plan.ts';

/**
 * What `npm run import` tells the author: every page and where each of its fields came from, what was left out
 * and why, and what is left to do. One object (`--format json`) and its text; the text is what a person reads
 * before running `npm run check`, so it lists the work first by page, then the rules, then the totals.
 */

export interface ReportContext {
  /** The folder imported, and the content root, as messages name them. */
  source: string;
  into: string;
  dryRun: boolean;
  /** How many alerting rules the rule files hold. */
  rules: number;
  ruleFiles: number;
}

/** The report's fields, in the order the report lists them. */
const FIELD_NAMES: Record<keyof PageFields, string> = {
  title: 'title',
  summary: 'summary',
  service: 'service',
  kind: 'kind',
  alerts: 'alerts',
  severity: 'severity',
  response: 'sla.response',
  tags: 'tags',
  inputs: 'inputs',
};

/** The whole report as data: `--format json`. */
export function importReport(plan: ImportPlan, context: ReportContext) {
  const sources: Record<string, Record<string, number>> = {};
  for (const page of plan.pages) {
    for (const [key, name] of Object.entries(FIELD_NAMES) as [keyof PageFields, string][]) {
      const field = page.fields[key];
      if (!field) continue;
      sources[name] ??= {};
      sources[name][field.source] = (sources[name][field.source] ?? 0) + 1;
    }
  }
  return {
    source: context.source,
    into: context.into,
    dryRun: context.dryRun,
    summary: {
      imported: plan.pages.length,
      present: plan.present.length,
      skipped: plan.skipped.length,
      refused: plan.refused.length,
      filesCopied: plan.files.length,
      filesPresent: plan.filesPresent.length,
      rules: context.rules,
      ruleFiles: context.ruleFiles,
      alerts: plan.pages.reduce((sum, page) => sum + (page.fields.alerts?.value.length ?? 0), 0),
      unmatchedRules: plan.unmatchedRules.length,
      rulesWithoutUrl: plan.rulesWithoutUrl.length,
      unlinked: plan.unlinked.length,
      uncheckedSnippets: plan.pages.filter((page) => page.snippetError !== undefined).length,
      standInSummaries: plan.pages.filter((page) => page.fields.summary.source === 'stand-in').length,
      linksRewritten: plan.pages.reduce((sum, page) => sum + page.edits.length, 0),
      shortcodesLeft: plan.pages.reduce((sum, page) => sum + page.shortcodes.length, 0),
      environments: plan.environments,
      /** Field → where it came from → how many pages. */
      sources,
    },
    imported: plan.pages.map((page) => ({
      source: page.source,
      file: `${context.into}/runbooks/${page.target}`,
      slug: page.slug,
      fields: Object.fromEntries(
        (Object.entries(FIELD_NAMES) as [keyof PageFields, string][]).flatMap(([key, name]) => (page.fields[key] ? [[name, page.fields[key]]] : [])),
      ),
      dropped: page.dropped,
      checkSnippets: page.snippetError === undefined,
      snippetError: page.snippetError,
      links: page.edits,
      unresolvedLinks: page.unresolved,
      shortcodes: page.shortcodes,
      notes: page.notes,
    })),
    present: plan.present,
    skipped: plan.skipped,
    refused: plan.refused,
    files: plan.files,
    filesPresent: plan.filesPresent,
    unread: plan.unread,
    unlinked: plan.unlinked,
    unmatchedRules: plan.unmatchedRules,
    rulesWithoutUrl: plan.rulesWithoutUrl,
  };
}

export type ImportReport = ReturnType<typeof importReport>;

/** The report as text, for a person. */
export function reportText(plan: ImportPlan, context: ReportContext): string {
  const lines: string[] = [];
  const section = <T>(title: string, items: readonly T[], line: (item: T) => string | string[]) => {
    if (items.length === 0) return;
    lines.push('', `${title} (${items.length}):`);
    for (const item of items) lines.push(...[line(item)].flat());
  };
  const at = (path: string) => oneLine(`${context.source}/${path}`);
  lines.push(
    context.dryRun
      ? `Dry run: nothing was written. The import of ${context.source} into ${context.into} would do this:`
      : `Imported ${context.source} into ${context.into}:`,
  );
  section(context.dryRun ? 'to import' : 'imported', plan.pages, (page) => pageLines(page, context));
  section('already present, not overwritten', plan.present, (page) => `  ${oneLine(page.source)}: ${oneLine(page.file)}`);
  section('refused: fix these in the old pages, then import again', plan.refused, (page) => [
    `  ${at(page.source)}:`,
    ...page.reasons.map((reason) => `    ${oneLine(reason)}`),
  ]);
  section('skipped', plan.skipped, (page) => `  ${at(page.source)}: ${oneLine(page.reason)}`);
  section('not read', plan.unread, (file) => `  ${at(file.path)}: ${oneLine(file.reason)}`);
  section('files copied with their pages', plan.files, (file) => `  ${oneLine(file.source)} → runbooks/${oneLine(file.target)}`);
  section('files already present, not overwritten', plan.filesPresent, (file) => `  ${oneLine(file.source)}: runbooks/${oneLine(file.target)}`);
  section(
    'pages no rule links: incidents with alerts: [] and the default severity; list their alerts if they have some',
    plan.unlinked,
    (path) => `  ${at(path)}`,
  );
  section('rules whose runbook_url leads to no page', plan.unmatchedRules, (rule) =>
    oneLine(`  ${rule.file}:${rule.line}: ${rule.alert}: ${rule.url}: ${rule.reason}`),
  );
  section('rules without a runbook_url', plan.rulesWithoutUrl, (rule) => oneLine(`  ${rule.file}:${rule.line}: ${rule.alert}`));
  const unchecked = plan.pages.filter((page) => page.snippetError !== undefined);
  const standIns = plan.pages.filter((page) => page.fields.summary.source === 'stand-in');
  const todo = [
    ...standIns.map((page) => `  ${oneLine(`${context.into}/runbooks/${page.target}`)}: write the summary (npm run check warns until it is written)`),
    ...unchecked.map(
      (page) => `  ${oneLine(`${context.into}/runbooks/${page.target}`)}: fix its snippets, then remove check_snippets: false (${oneLine(page.snippetError!)})`,
    ),
  ];
  section('left to the author', todo, (line) => line);
  return `${lines.join('\n')}\n`;
}

function pageLines(page: PlannedPage, context: ReportContext): string[] {
  const at = (line: number) => oneLine(`${context.source}/${page.source}:${line}`);
  const field = (name: string, inferred: Inferred<unknown> | undefined) =>
    inferred ? [`    ${name}: ${shown(inferred.value)} (${inferred.source}${inferred.detail ? `: ${inferred.detail}` : ''})`] : [];
  const { fields } = page;
  const dropped = Object.entries(page.dropped);
  return [
    `  ${oneLine(page.source)} → runbooks/${oneLine(page.target)}`,
    ...field('title', fields.title),
    ...field('summary', fields.summary),
    ...field('service', fields.service),
    ...(fields.kind.value === 'incident' ? [] : field('kind', fields.kind)),
    ...field('alerts', fields.alerts),
    ...field('severity', fields.severity),
    ...field('sla.response', fields.response),
    ...field('tags', fields.tags),
    ...field('inputs', fields.inputs),
    ...(page.snippetError === undefined ? [] : [`    check_snippets: false (its snippets fail the check: ${oneLine(page.snippetError)})`]),
    ...(dropped.length > 0 ? [`    dropped: ${dropped.map(([key, value]) => `${key}: ${shown(value)}`).join(', ')}`] : []),
    ...(page.edits.length > 0
      ? [`    ${plural(page.edits.length, 'link target')} rewritten: ${page.edits.map((edit) => `${edit.from} → ${edit.to}`).join(', ')}`]
      : []),
    ...page.unresolved.map((link) => `    link left as written: ${at(link.line)}: ${link.target}: ${link.reason}`),
    ...page.shortcodes.map(
      (code) => `    shortcode left as written: ${at(page.sourceBodyLine + code.line - 1)}: ${code.text}${code.inCode ? ' (in code)' : ''}`,
    ),
    ...page.notes.map((note) => `    note: ${note}`),
  ];
}

/**
 * Text from the old collection (a path, a title) on one line of the report: control and invisible characters (a
 * newline in a file name, a right-to-left override) written as `\u000a`, so that no value can forge a line.
 */
function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, (character) => `\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/** A value in one line: text as it is, anything else as JSON, cut when long. */
function shown(value: unknown): string {
  const text =
    typeof value === 'string'
      ? value
      : Array.isArray(value) && value.every((item) => typeof item === 'string')
        ? `[${value.join(', ')}]`
        : JSON.stringify(value);
  return oneLine(text.length > 120 ? `${text.slice(0, 117)}…` : text);
}

/** The one-line tally every run ends with (stderr): the second run of the same import reads "0 imported, N already present". */
export function tallyLine(plan: ImportPlan, context: ReportContext): string {
  const parts = [
    `${plan.pages.length} imported`,
    `${plan.present.length} already present`,
    `${plan.skipped.length} skipped`,
    `${plan.refused.length} refused`,
    `${plural(plan.files.length, 'file')} copied`,
  ];
  const unchecked = plan.pages.filter((page) => page.snippetError !== undefined).length;
  const notes = [
    ...(context.ruleFiles > 0
      ? [`${plural(context.rules, 'alerting rule')} read, ${plan.unmatchedRules.length} leading to no page`]
      : ['no rule files (--rules)']),
    ...(unchecked > 0 ? [`${plural(unchecked, 'page')} with check_snippets: false`] : []),
    ...(context.dryRun ? ['dry run: nothing written'] : []),
  ];
  return `import: ${parts.join(', ')}; ${notes.join('; ')}`;
}
