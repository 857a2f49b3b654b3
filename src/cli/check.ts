/**
 * `npm run check`: every problem of the content in one run, one line each,
 * `content/runbooks/db/latency.md:6:11: error: severity: expected one of critical|high|medium|low, got "urgent"`.
 *
 *   npm run check -- [--root DIR] [--strict] [--format text|json] [--review-every 90d] [--today 2026-01-31]
 *   npm run check -- --dist DIR      scan a built site for secrets instead: every file, the offline zip's members,
 *                                    Pagefind's fragments and the PDFs' text (poppler's pdftotext)
 *
 * The content root is `--root`, else `RUNBOOKS_CONTENT_DIR`, else `content`. Exits 1 when there is an error (or,
 * with `--strict`, a warning), 2 when the command line is wrong. Problems go to stdout, the tally to stderr.
 */
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkPublishedSecrets } from '../lib/checks/secrets.ts';
import { parseDuration } from '../lib/content/durations.ts';
import { parseDay } from '../lib/content/schemas/common.ts';
import { type ContentProblem, formatProblemWithSeverity } from '../lib/errors.ts';
import { plural } from '../lib/format.ts';
import { SNIPPET_PARSERS, type SnippetTally } from '../lib/snippets/snippet.ts';
import { checkContentRoot, todayUtc } from '../node/check-content-root.ts';
import { readPublishedFiles } from '../node/published-files.ts';
import { runCli, UsageError } from './shared.ts';

const USAGE = `usage: npm run check -- [--root DIR] [--strict] [--format text|json] [--review-every 180d] [--today YYYY-MM-DD]
       npm run check -- --dist DIR [--format text|json]`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      root: { type: 'string' },
      dist: { type: 'string' },
      strict: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      'review-every': { type: 'string' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, got "${values.format}"`);
  if (values.dist && values.root) throw new UsageError('--dist scans a built site, --root a content folder: give one of them');

  const { problems, snippets } = values.dist
    ? { problems: checkDist(values.dist), snippets: undefined }
    : await checkContentRoot(values.root ?? process.env['RUNBOOKS_CONTENT_DIR'] ?? 'content', {
        reviewEvery: reviewEvery(values['review-every']),
        today: today(values.today),
      });
  print(problems, snippets, values.format);
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  if (snippets) console.error(snippetLine(snippets));
  console.error(`check: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${values.strict && warnings > 0 ? ' (--strict: warnings fail)' : ''}`);
  return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
}

/** Every file the build and `npm run pdf` publish: pages, scripts, data, the offline zip's members, the PDFs' text. */
function checkDist(dist: string): ContentProblem[] {
  if (!existsSync(dist) || !statSync(dist).isDirectory()) throw new UsageError(`--dist: no folder ${dist}`);
  const { files, problems } = readPublishedFiles(dist);
  return [...problems, ...checkPublishedSecrets(files)];
}

function reviewEvery(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const minutes = parseDuration(text);
  if (minutes === undefined) throw new UsageError(`--review-every expects a duration such as "90d", got "${text}"`);
  return minutes;
}

/** 00:00 UTC of the given day, or of today: review dates are whole days, written in UTC. */
function today(text: string | undefined): Date {
  if (text === undefined) return todayUtc();
  const date = parseDay(text);
  if (!date) throw new UsageError(`--today expects a day such as 2026-01-31, got "${text}"`);
  return date;
}

function print(problems: readonly ContentProblem[], snippets: SnippetTally | undefined, format: 'text' | 'json'): void {
  if (format === 'json') {
    const rows = problems.map(({ file, line, column, severity, field, message }) => ({ file, line, column, severity, field, message }));
    console.log(JSON.stringify({ problems: rows, ...(snippets && { snippets }) }, null, 2));
  } else {
    for (const problem of problems) console.log(formatProblemWithSeverity(problem));
  }
}

/**
 * `snippets: 240 parsed (226 shell, 12 promql, 9 sql, 1 yaml, 2 json); not parsed: 1 YAML template, 1 nocheck`:
 * what the syntax check covered, so that a collection that opts out of it does not pass unnoticed.
 */
function snippetLine(tally: SnippetTally): string {
  const parsed = SNIPPET_PARSERS.reduce((sum, parser) => sum + tally.checked[parser], 0);
  const skipped = [
    tally.templates > 0 && plural(tally.templates, 'YAML template'),
    tally.mysql > 0 && `${tally.mysql} MySQL`,
    tally.nocheck > 0 && `${tally.nocheck} nocheck`,
    tally.optedOutPages > 0 && `${plural(tally.optedOutBlocks, 'block')} on ${plural(tally.optedOutPages, 'page')} with check_snippets: false`,
  ].filter(Boolean);
  const byParser = SNIPPET_PARSERS.map((parser) => `${tally.checked[parser]} ${parser}`).join(', ');
  return `snippets: ${parsed} parsed (${byParser})${skipped.length > 0 ? `; not parsed: ${skipped.join(', ')}` : ''}`;
}

await runCli('check', USAGE, () => main(process.argv.slice(2)));
