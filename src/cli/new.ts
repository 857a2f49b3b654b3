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

const usage = 'usage: npm run new -- <group>/<name> --service <service> --severity <critical|high|medium|low> [--alert NAME ...] [--ext md|mdx]';

function fail(messages: string[], code = 2): never {
  for (const message of messages) console.error(`new: ${message}`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      service: { type: 'string' },
      severity: { type: 'string' },
      alert: { type: 'string', multiple: true, default: [] },
      ext: { type: 'string', default: 'mdx' },
    },
  });
} catch (error) {
  fail([(error as Error).message, usage]);
}
const { values, positionals } = parsed;
if (positionals.length !== 1 || !values.service || !values.severity) fail([usage]);
if (values.ext !== 'md' && values.ext !== 'mdx') fail([`--ext: expected md or mdx, got ${JSON.stringify(values.ext)}`]);

const slug = positionals[0]!;
const problems = newRunbookProblems({ slug, service: values.service, severity: values.severity, alerts: values.alert });
if (problems.length) fail(problems);

const content = readContent(CONTENT_ROOT);
const path = join(CONTENT_ROOT, 'runbooks', `${slug}.${values.ext}`);
const existing = content.pages.find((page) => page.slug === slug);
if (existing || existsSync(path)) fail([`${relative(process.cwd(), existing ? existing.file : path)} already exists; not overwriting it`], 1);
const taken = values.alert.flatMap((alert) =>
  content.pages
    .filter((page) => page.data?.alerts.some((a) => a.toLowerCase() === alert.toLowerCase()))
    .map((page) => `--alert ${alert}: already handled by ${page.file}; an alert belongs to exactly one runbook`),
);
if (taken.length) fail(taken, 1);

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
