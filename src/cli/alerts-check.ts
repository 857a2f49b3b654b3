/**
 * `npm run alerts:check -- <rules files or folders> [--site URL] [--base /path/] [--fix [--link-inputs]] [--format json]`
 *
 * Checks Prometheus alerting rules against this site's runbooks, for the CI of the repository where the rules live:
 * alerts without a runbook and rules whose `runbook_url` is missing or wrong are errors (exit 1), runbook alerts that
 * no rule fires and runbook_url parameters that fill no input are warnings. `--fix` writes the right `runbook_url`s
 * into the rule files; `--link-inputs` also adds the runbook's inputs that the alert's labels fill. Exit 2 on usage
 * errors.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { alertSource, buildAlertIndex } from '../lib/alerts/alert-index.ts';
import { alertCoverage, type CoverageKind, type CoverageSite, type LocatedRule } from '../lib/alerts/coverage.ts';
import { linkInputs } from '../lib/alerts/link-inputs.ts';
import { fixRuleFile, parseRuleFile, type RunbookUrlFix } from '../lib/alerts/prometheus-rules.ts';
import type { SiteLocation } from '../lib/alerts/runbook-url.ts';
import { knownSeriesLabels } from '../lib/alerts/series-labels.ts';
import { type ContentProblem, fieldPosition, formatProblemWithSeverity, type Location } from '../lib/errors.ts';
import { plural } from '../lib/format.ts';
import { normalizeBase } from '../lib/web/urls.ts';
import { CONTENT_ROOT } from '../node/content-root.ts';
import { readContent } from '../node/read-content.ts';
import { ruleFilesAt } from '../node/rule-files.ts';
import { writeFilesAtomic } from '../node/write-file-atomic.ts';
import { runCli, UsageError } from './shared.ts';

const USAGE = `usage: npm run alerts:check -- <rules files or folders> [--site https://runbooks.example.com] [--base /runbooks/] [--fix [--link-inputs]] [--format json]

Compares the alerting rules of Prometheus rule files (plain \`groups:\` files and PrometheusRule manifests; folders are
searched for .yml and .yaml files) with the alerts of the runbooks in ${relative(process.cwd(), CONTENT_ROOT) || '.'}.

  --site URL     the site's public URL (default: $RUNBOOKS_SITE); without it, the host of runbook_urls is not checked
  --base PATH    the base path the site is served under (default: $RUNBOOKS_BASE, else /)
  --fix          write the right runbook_url into rules of alerts that have a runbook (needs --site or $RUNBOOKS_SITE)
  --link-inputs  with --fix: also add name={{ $labels.label | urlquery }} for each input of the runbook whose label
                 every series of the rule's expr is known to carry
  --format json  print one JSON object instead of lines

Exit status: 1 when an alert has no runbook, a runbook_url is missing or wrong, or a file cannot be read; 2 on usage errors.`;

type ProblemKind = CoverageKind | 'rule-file' | 'content';
type Problem = ContentProblem & { kind: ProblemKind; alert?: string | undefined; expected?: string | undefined; rule?: LocatedRule | undefined };
interface Fixed extends Location {
  alert: string;
  url: string;
  /** The inputs added to the URL by `--link-inputs`. */
  linked: string[];
  /** Whether the URL was missing or wrong (else it was right and only gained inputs). */
  wasWrong: boolean;
}

function main(argv: string[]): number {
  const options = readOptions(argv);
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { paths, files, location, fix, link, format } = options;

  const runbooks = readRunbookAlerts();
  if (!runbooks) {
    process.stderr.write(
      `alerts:check: no runbooks in ${relative(process.cwd(), join(CONTENT_ROOT, 'runbooks'))}; set RUNBOOKS_CONTENT_DIR to the content folder\n`,
    );
    return 2;
  }
  const ruleFiles = readRuleFiles(files);
  if (ruleFiles.rules.length === 0 && ruleFiles.problems.length === 0) {
    process.stderr.write(`alerts:check: no alerting rules in ${paths.join(', ')}\n`);
    return 2;
  }

  const coverage: Problem[] = alertCoverage(ruleFiles.rules, runbooks.site, location);
  const fixes = fix
    ? applyFixes({ problems: coverage, rules: ruleFiles.rules, site: runbooks.site, link, files, texts: ruleFiles.texts })
    : { fixed: [], failure: undefined };
  if (fixes.failure) process.stderr.write(`alerts:check: ${fixes.failure}\n`);
  const fixedProblems = new Set(fixes.fixed.flatMap((write) => (write.problem ? [write.problem] : [])));
  const fixed = fixes.fixed.map(
    ({ rule, url, linked, problem }): Fixed => ({ file: rule.file, line: rule.line, column: rule.column, alert: rule.alert, url, linked, wasWrong: !!problem }),
  );
  const remaining = coverage.filter((problem) => !fixedProblems.has(problem));

  // Rule files first, in the order read, then the content: what the rules repository has to fix comes first.
  const order = new Map(files.map((file, position) => [file, position]));
  const inRules = (problem: Problem | Fixed) => order.has(problem.file);
  const byPosition = (a: Problem | Fixed, b: Problem | Fixed) =>
    (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
  const ruleLines = [...ruleFiles.problems, ...remaining.filter(inRules), ...fixed].sort(byPosition);
  const contentLines = [...runbooks.problems, ...remaining.filter((problem) => !inRules(problem))];

  const summary = summarise({ files, ruleFiles, runbooks, remaining, fixed, location });
  const failed = fixes.failure !== undefined || [...ruleFiles.problems, ...runbooks.problems, ...remaining].some((problem) => problem.severity === 'error');

  if (format === 'json') {
    const problems = [...ruleLines, ...contentLines].filter((line): line is Problem => 'severity' in line).map(({ rule: _rule, ...problem }) => problem);
    process.stdout.write(`${JSON.stringify({ problems, fixed, summary }, null, 2)}\n`);
  } else {
    const lines = [...ruleLines, ...contentLines].map((line) => ('severity' in line ? formatProblemWithSeverity(line) : formatFixed(line)));
    if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
  }
  // The tally goes to stderr, as `npm run check` does it, so that stdout is only problems (or JSON).
  process.stderr.write(`alerts:check: ${summaryLine(summary)}\n`);
  return failed ? 1 : 0;
}

/** The tally printed last (and the `summary` of `--format json`). */
function summarise(run: {
  files: readonly string[];
  ruleFiles: ReturnType<typeof readRuleFiles>;
  runbooks: NonNullable<ReturnType<typeof readRunbookAlerts>>;
  remaining: readonly Problem[];
  fixed: readonly Fixed[];
  location: SiteLocation;
}) {
  const count = (kind: ProblemKind) => run.remaining.filter((problem) => problem.kind === kind).length;
  return {
    rules: run.ruleFiles.rules.length,
    files: run.files.length,
    runbookAlerts: run.runbooks.site.entries.length,
    noRunbook: count('no-runbook'),
    runbookUrl: count('runbook-url'),
    noRule: count('no-rule'),
    unknownParameters: count('link-parameter'),
    filesWithErrors: run.ruleFiles.filesWithErrors,
    contentProblems: run.runbooks.problems.length,
    fixed: run.fixed.filter((entry) => entry.wasWrong).length,
    fixedFiles: new Set(run.fixed.filter((entry) => entry.wasWrong).map((entry) => entry.file)).size,
    linkedInputs: run.fixed.reduce((sum, entry) => sum + entry.linked.length, 0),
    linkedRules: run.fixed.filter((entry) => entry.linked.length > 0).length,
    hostChecked: run.location.site !== undefined,
  };
}

/**
 * The runbooks' alerts, where each is written (so a warning can point at it), and the content problems that can
 * hide or double an alert; undefined when the content root has no runbooks at all.
 */
function readRunbookAlerts() {
  const content = readContent(CONTENT_ROOT);
  if (content.pages.length === 0) return undefined;
  const pages = content.pages.flatMap((page) => (page.data ? [{ ...page, data: page.data }] : []));
  const index = buildAlertIndex(pages.map((page) => alertSource(page)));
  const alertLocations = new Map<string, Location>();
  for (const page of pages) {
    page.data.alerts.forEach((alert, position) => {
      if (!alertLocations.has(alert)) alertLocations.set(alert, { file: page.file, ...fieldPosition(page.yaml, ['alerts', position], page.yamlLine) });
    });
  }
  // Only problems that can hide or double an alert matter here; a bad environments.yaml is the site build's business.
  const pageFiles = new Set(content.pages.map((page) => page.file));
  const problems: Problem[] = [...content.problems.filter((problem) => pageFiles.has(problem.file)), ...index.problems].map((problem) => ({
    ...problem,
    kind: 'content',
  }));
  const inputs = new Map(pages.map((page) => [page.slug, page.data.inputs]));
  const site: CoverageSite = { entries: index.entries, slugs: new Set(content.pages.map((page) => page.slug)), alertLocations, inputs };
  return { site, problems };
}

/** Every alerting rule of the files, and what made a file unreadable. */
function readRuleFiles(files: readonly string[]): { rules: LocatedRule[]; problems: Problem[]; filesWithErrors: number; texts: Map<string, string> } {
  const rules: LocatedRule[] = [];
  const problems: Problem[] = [];
  const texts = new Map<string, string>();
  let filesWithErrors = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push({ file, severity: 'error', kind: 'rule-file', message: `cannot read the file: ${fileErrorText(error)}` });
      filesWithErrors++;
      continue;
    }
    texts.set(file, text);
    const parsed = parseRuleFile(text);
    rules.push(...parsed.rules.map((rule) => ({ ...rule, file })));
    problems.push(...parsed.problems.map((problem) => ({ ...problem, file, severity: 'error' as const, kind: 'rule-file' as const })));
    if (parsed.problems.length > 0) filesWithErrors++;
  }
  return { rules, problems, filesWithErrors, texts };
}

function readOptions(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        site: { type: 'string' },
        base: { type: 'string' },
        fix: { type: 'boolean', default: false },
        'link-inputs': { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help' as const;
  if (positionals.length === 0) throw new UsageError('name the rule files or folders to check');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, got ${JSON.stringify(values.format)}`);
  const siteText = values.site ?? (process.env.RUNBOOKS_SITE || undefined);
  const site = siteText === undefined ? undefined : siteUrl(siteText, values.site === undefined ? 'RUNBOOKS_SITE' : '--site');
  if (values.fix && !site) throw new UsageError('--fix writes absolute runbook_urls, so it needs the site URL: pass --site https://… or set RUNBOOKS_SITE');
  if (values['link-inputs'] && !values.fix) throw new UsageError('--link-inputs writes into the rule files: use it with --fix');
  const location: SiteLocation = { site, base: normalizeBase(values.base ?? (process.env.RUNBOOKS_BASE || '/')) };
  return { paths: positionals, files: ruleFiles(positionals), location, fix: values.fix, link: values['link-inputs'], format: values.format };
}

function siteUrl(text: string, from: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new UsageError(`${from} must be an http(s) URL like https://runbooks.example.com, got ${JSON.stringify(text)}`);
  return url;
}

/**
 * The files to read: files as named, folders searched for `.yml` and `.yaml`, each file once, as paths relative to
 * the working directory (how messages name them).
 */
function ruleFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    const found = ruleFilesAt(path);
    if (!found) throw new UsageError(`no such file or folder: ${path}`);
    if (found.length === 0) throw new UsageError(`no .yml or .yaml files in ${path}`);
    files.push(...found);
  }
  return [...new Set(files.map((file) => relative(process.cwd(), file)))];
}

/** A runbook_url to write into a rule: the fix of `problem`, or (`--link-inputs`) a right URL with inputs added. */
interface UrlWrite {
  rule: LocatedRule;
  url: string;
  linked: string[];
  problem?: Problem | undefined;
}

/**
 * Writes the runbook_url of every fixable rule, and with `link` the inputs that the alert's labels fill; returns the
 * writes made, or why nothing was written. The new text of every file is worked out from the text already read and
 * checked first, then all files are written together (src/node/write-file-atomic.ts): each to a temporary file
 * beside it, renamed into place only when every one is complete. So a full disk, a size limit or an unwritable file
 * or folder leaves every rule file as it was, not the first few rewritten and one cut short.
 */
function applyFixes(run: {
  problems: readonly Problem[];
  rules: readonly LocatedRule[];
  site: CoverageSite;
  link: boolean;
  files: readonly string[];
  texts: ReadonlyMap<string, string>;
}): { fixed: UrlWrite[]; failure: string | undefined } {
  const slugs = new Map(run.site.entries.map((entry) => [entry.alert, entry.slug]));
  const wrong = new Map(
    run.problems.flatMap((problem) => (problem.kind === 'runbook-url' && problem.rule && problem.expected ? [[problem.rule, problem]] : [])),
  );
  const planned: UrlWrite[] = [];
  for (const rule of run.rules) {
    const problem = wrong.get(rule);
    const slug = slugs.get(rule.alert);
    // A rule without a runbook gets no URL; a right URL is rewritten only to link inputs.
    if (slug === undefined || (!problem && (!run.link || typeof rule.runbookUrl !== 'string'))) continue;
    const url = problem ? problem.expected! : (rule.runbookUrl as string);
    const linked = run.link
      ? linkInputs(url, run.site.inputs.get(slug) ?? [], typeof rule.expr === 'string' ? knownSeriesLabels(rule.expr) : 'unknown')
      : { url, linked: [] };
    if (problem || linked.linked.length > 0) planned.push({ rule, problem, ...linked });
  }

  const fixed: UrlWrite[] = [];
  const writes: { path: string; data: string }[] = [];
  for (const file of run.files) {
    const wanted = planned.filter((write) => write.rule.file === file);
    const text = run.texts.get(file);
    if (wanted.length === 0 || text === undefined) continue;
    const fixes: RunbookUrlFix[] = wanted.map(({ rule, url }) => ({ document: rule.document, path: rule.path, url }));
    const result = fixRuleFile(text, fixes);
    if (result.text !== text) writes.push({ path: file, data: result.text });
    for (const fix of result.applied) fixed.push(wanted[fixes.indexOf(fix)]!);
  }
  try {
    writeFilesAtomic(writes);
  } catch (error) {
    const file = (error as { path?: unknown }).path;
    const shown = typeof file === 'string' ? relative(process.cwd(), file) || file : 'a rule file';
    return { fixed: [], failure: `cannot write ${shown}: ${fileErrorText(error)}; no rule file was changed` };
  }
  return { fixed, failure: undefined };
}

/** What went wrong with a file, in words, and the system's code for searching: `permission denied (EACCES)`. */
function fileErrorText(error: unknown): string {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const words: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EDQUOT: 'the disk quota is used up',
    EFBIG: 'it would exceed the file-size limit',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOENT: 'no such file or folder',
    EISDIR: 'it is a folder',
  };
  const said = Object.hasOwn(words, code) ? words[code] : (error instanceof Error ? error.message : String(error)).replace(/^[A-Z]+: /, '').split(',')[0];
  return code ? `${said} (${code})` : String(said);
}

function formatFixed(entry: Fixed): string {
  const linked = entry.linked.length > 0 ? ` (${plural(entry.linked.length, 'input')} from the alert's labels: ${entry.linked.join(', ')})` : '';
  return `${entry.file}:${entry.line}:${entry.column}: fixed: runbook_url of alert ${entry.alert} set to ${entry.url}${linked}`;
}

function summaryLine(summary: ReturnType<typeof summarise>): string {
  const parts = [
    `${plural(summary.noRunbook, 'alert')} without a runbook`,
    `${plural(summary.runbookUrl, 'wrong or missing runbook_url')}`,
    `${plural(summary.noRule, 'runbook alert')} in no rule`,
    ...(summary.unknownParameters > 0 ? [plural(summary.unknownParameters, 'unknown runbook_url parameter')] : []),
    ...(summary.filesWithErrors > 0 ? [`${plural(summary.filesWithErrors, 'rule file')} with errors`] : []),
    ...(summary.contentProblems > 0 ? [`${plural(summary.contentProblems, 'problem')} in the runbooks`] : []),
  ];
  const notes = [
    ...(summary.fixed > 0 ? [`fixed ${plural(summary.fixed, 'runbook_url')} in ${plural(summary.fixedFiles, 'file')}`] : []),
    ...(summary.linkedInputs > 0 ? [`linked ${plural(summary.linkedInputs, 'input')} to alert labels in ${plural(summary.linkedRules, 'runbook_url')}`] : []),
    ...(summary.hostChecked ? [] : ['hosts not checked (no --site or RUNBOOKS_SITE)']),
  ];
  return `${plural(summary.rules, 'alerting rule')} in ${plural(summary.files, 'file')}, ${plural(summary.runbookAlerts, 'runbook alert')}: ${parts.join(', ')}${notes.map((note) => `; ${note}`).join('')}`;
}

await runCli('alerts:check', `\n${USAGE}`, () => main(process.argv.slice(2)));
