/**
 * `npm run import -- <markdown folder> [--rules <rule files or folders>…] [--into <content root>] [--service <name>]
 *   [--severity-map warning=medium …] [--default-severity <level>] [--dry-run] [--format json]`
 *
 * Turns an existing collection of Markdown runbooks (a Hugo site's content folder, a folder of pages on a Git host)
 * and the Prometheus rules that link them into runbooks of this site: file names and bodies kept (only link
 * targets rewritten), frontmatter inferred and every field's source reported. Never overwrites; running it twice
 * changes nothing the second time. Exit 0 when something was imported or nothing needed to be, 1 when a page was
 * refused (or the rules could not be read), 2 on usage errors.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SEVERITIES, type Severity, slugSchema } from '../lib/content/schemas/common.ts';
import { importReport, reportText, tallyLine } from '../lib/import/report.ts';
import { DEFAULT_SEVERITY_MAP } from '../lib/import/rule-links.ts';
import { CONTENT_ROOT } from '../node/content-root.ts';
import { importPlaceRefusal, readRuleFiles, readSourceFolder, readTargetRoot } from '../node/import-source.ts';
import { removeStaging, runImport } from '../node/import-write.ts';
import { realPath } from '../node/real-path.ts';
import { shownPath } from '../node/shown-path.ts';
import { runCli, UsageError } from './shared.ts';

const USAGE = `usage: npm run import -- <markdown folder> [--rules <rule files or folders>…] [--into <content root>] [--service <name>]
         [--severity-map warning=medium …] [--default-severity <level>] [--dry-run] [--format json]

Writes each .md/.mdx page of the folder as a runbook of <content root>/runbooks/ (default: ${shownPath(CONTENT_ROOT)}),
keeping its file name and body, with frontmatter inferred from the page and from the alerting rules whose runbook_url
leads to it. Never overwrites a file.

  --rules PATH…             Prometheus rule files or folders (plain and PrometheusRule); their runbook_urls give the
                            pages their alerts, their severity labels the pages' severity
  --into DIR                the content root to write into (default: $RUNBOOKS_CONTENT_DIR, else content)
  --service NAME            the service of every page (default: each page's top folder)
  --severity-map LABEL=LEVEL  what a rule's severity label means here (default: critical=critical, warning=high,
                            info=low); repeat it or separate with commas
  --default-severity LEVEL  the severity of a page no rule links (default: medium)
  --dry-run                 write nothing; print what would be done
  --format json             print the report as JSON

Then: RUNBOOKS_CONTENT_DIR=<content root> npm run check, and
RUNBOOKS_CONTENT_DIR=<content root> npm run alerts:check -- <the same rules> --fix --site <the site's URL>.`;

/** This project: `--into` may not be it, nor anything in its code. */
const PROJECT = fileURLToPath(new URL('../..', import.meta.url));

/** Signals that end the import early: the staging folder goes with it. */
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

async function main(argv: string[]): Promise<number> {
  const options = readOptions(argv);
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const refusal = importPlaceRefusal(options.folder, options.into, PROJECT);
  if (refusal) throw new UsageError(`not importing: ${refusal}`);

  const source = { ...readSourceFolder(options.folder), root: realPath(options.folder) };
  if (source.pages.length === 0 && source.unread.length === 0) throw new UsageError(`no .md or .mdx pages in ${options.folder}`);
  const rules = readRuleFiles(options.rules);
  if (rules.problems.length > 0) {
    for (const problem of rules.problems) process.stderr.write(`import: ${problem}\n`);
    process.stderr.write('import: nothing was imported: an import never overwrites, so pages imported without their rules would keep wrong alerts\n');
    return 1;
  }
  const target = readTargetRoot(options.into);

  for (const [signal, code] of Object.entries(SIGNALS)) {
    process.once(signal, () => {
      removeStaging();
      process.exit(code);
    });
  }
  const plan = await runImport({
    source,
    rules: rules.rules,
    target,
    into: options.into,
    options: { service: options.service, severityMap: options.severityMap, defaultSeverity: options.defaultSeverity },
    dryRun: options.dryRun,
  });

  const context = { source: source.label, into: shownPath(options.into), dryRun: options.dryRun, rules: rules.rules.length, ruleFiles: rules.files.length };
  process.stdout.write(options.format === 'json' ? `${JSON.stringify(importReport(plan, context), null, 2)}\n` : reportText(plan, context));
  process.stderr.write(`${tallyLine(plan, context)}\n`);
  return plan.refused.length > 0 ? 1 : 0;
}

/**
 * The command line. `--rules` and `--severity-map` take every value that follows them up to the next option, as
 * the usage writes them (`--rules a.yml b/`); the one value left over is the folder.
 */
function readOptions(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      tokens: true,
      options: {
        rules: { type: 'string', multiple: true },
        into: { type: 'string' },
        service: { type: 'string' },
        'severity-map': { type: 'string', multiple: true },
        'default-severity': { type: 'string', default: 'medium' },
        'dry-run': { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
  const { values, tokens } = parsed;
  if (values.help) return 'help' as const;

  const rules: string[] = [];
  const maps: string[] = [];
  const folders: string[] = [];
  let list: string[] = folders;
  for (const token of tokens) {
    if (token.kind === 'option') {
      list = folders;
      if (token.name === 'rules') (list = rules).push(token.value!);
      else if (token.name === 'severity-map') (list = maps).push(token.value!);
    } else if (token.kind === 'positional') list.push(token.value);
    else list = folders;
  }
  if (folders.length !== 1)
    throw new UsageError(folders.length === 0 ? 'name the folder of Markdown pages to import' : `import one folder at a time, got ${folders.join(', ')}`);
  const folder = folders[0]!;
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`no such folder: ${folder}`);
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, got ${JSON.stringify(values.format)}`);
  if (values.service !== undefined && !slugSchema.safeParse(values.service).success) {
    throw new UsageError(`--service: expected a lower-case slug like "payments-api", got ${JSON.stringify(values.service)}`);
  }
  const severityMap: Record<string, Severity> = { ...DEFAULT_SEVERITY_MAP };
  for (const pair of maps.flatMap((text) => text.split(',')).filter(Boolean)) {
    const [label, level] = pair.split('=').map((part) => part.trim());
    if (!label || !level || !isSeverity(level)) {
      throw new UsageError(`--severity-map: expected LABEL=LEVEL with a level of ${SEVERITIES.join('|')}, like warning=medium, got ${JSON.stringify(pair)}`);
    }
    severityMap[label.toLowerCase()] = level;
  }
  const defaultSeverity = values['default-severity'];
  if (!isSeverity(defaultSeverity)) throw new UsageError(`--default-severity: expected one of ${SEVERITIES.join('|')}, got ${JSON.stringify(defaultSeverity)}`);
  return {
    folder,
    rules,
    into: resolve(values.into ?? CONTENT_ROOT),
    service: values.service,
    severityMap,
    defaultSeverity,
    dryRun: values['dry-run'],
    format: values.format,
  };
}

function isSeverity(value: string | undefined): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value ?? '');
}

await runCli('import', `\n${USAGE}`, () => main(process.argv.slice(2)));
