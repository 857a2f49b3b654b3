/**
 * Writes a new runbook with valid frontmatter and the standard sections:
 *   npm run new -- <group>/<name> --service <service> --severity <critical|high|medium|low> [--alert NAME …]
 * The response SLA comes from the severity data (content/severity.yaml, per service first); last_reviewed is today.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { environmentNames } from '../lib/commands/environment-values.ts';
import { severityLevel } from '../lib/content/lookups.ts';
import { newRunbookProblems, newRunbookText } from '../lib/content/new-runbook.ts';
import type { Severity } from '../lib/content/schemas/common.ts';
import { CONTENT_ROOT } from '../node/content-root.ts';
import { readContent } from '../node/read-content.ts';
import { runCli } from './shared.ts';

const usage = 'usage: npm run new -- <group>/<name> --service <service> --severity <critical|high|medium|low> [--alert NAME ...] [--ext md|mdx]';

/** Writes each problem as its own `new: …` line and gives the exit code: 2 for the command line, 1 for the content. */
function refuse(messages: readonly string[], code: 1 | 2 = 2): number {
  for (const message of messages) console.error(`new: ${message}`);
  return code;
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      service: { type: 'string' },
      severity: { type: 'string' },
      alert: { type: 'string', multiple: true, default: [] },
      ext: { type: 'string', default: 'mdx' },
    },
  });
  if (positionals.length !== 1 || !values.service || !values.severity) return refuse([usage]);
  if (values.ext !== 'md' && values.ext !== 'mdx') return refuse([`--ext: expected md or mdx, got ${JSON.stringify(values.ext)}`]);

  const slug = positionals[0]!;
  const problems = newRunbookProblems({ slug, service: values.service, severity: values.severity, alerts: values.alert });
  if (problems.length) return refuse(problems);

  const content = readContent(CONTENT_ROOT);
  const path = join(CONTENT_ROOT, 'runbooks', `${slug}.${values.ext}`);
  const existing = content.pages.find((page) => page.slug === slug);
  if (existing || existsSync(path)) return refuse([`${relative(process.cwd(), existing ? existing.file : path)} already exists; not overwriting it`], 1);
  const taken = values.alert.flatMap((alert) =>
    content.pages
      .filter((page) => page.data?.alerts.some((a) => a.toLowerCase() === alert.toLowerCase()))
      .map((page) => `--alert ${alert}: already handled by ${page.file}; an alert belongs to exactly one runbook`),
  );
  if (taken.length) return refuse(taken, 1);

  const level = severityLevel(content.severity, values.severity as Severity, values.service);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(
    path,
    newRunbookText({
      slug,
      service: values.service,
      severity: values.severity,
      alerts: values.alert,
      responseMinutes: level.response,
      today: new Date(),
      hasNamespace: content.environments ? environmentNames(content.environments, values.service).has('namespace') : false,
    }),
    { flag: 'wx' },
  );
  console.log(`wrote ${relative(process.cwd(), path)}`);
  return 0;
}

await runCli('new', usage, () => main(process.argv.slice(2)));
