import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { splitFrontmatter } from '../lib/content/frontmatter.ts';
import { pageSlug } from '../lib/content/page-slug.ts';
import { type Environments, environmentsSchema } from '../lib/content/schemas/environments.ts';
import { type RunbookData, runbookSchema } from '../lib/content/schemas/runbook.ts';
import { type Services, servicesSchema } from '../lib/content/schemas/services.ts';
import { DEFAULT_SEVERITY_DATA, type SeverityData, severityDataSchema } from '../lib/content/schemas/severity.ts';
import { ContentError, type ContentProblem, problemsFromIssues } from '../lib/errors.ts';
import { loadDataFile } from './load-data-file.ts';

/** One runbook file as the command-line tools see it: the text, where its parts start, and its data when valid. */
export interface SourcePage {
  /** Path relative to the working directory, as messages print it. */
  file: string;
  slug: string;
  text: string;
  yaml: string;
  yamlLine: number;
  body: string;
  bodyLine: number;
  data: RunbookData | undefined;
}

export interface SourceContent {
  pages: SourcePage[];
  environments: Environments | undefined;
  severity: SeverityData;
  services: Services;
  /** Problems found while reading: unreadable YAML, frontmatter or data files that do not match their schema. */
  problems: ContentProblem[];
}

/**
 * Reads the content folder outside Astro, for `npm run check`, `alerts:check` and `new`, with the same schemas the
 * build uses. Never throws on bad content: every problem is collected, so one run reports all of them.
 */
export function readContent(contentRoot: string): SourceContent {
  const problems: ContentProblem[] = [];
  const data = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (error) {
      if (error instanceof ContentError) problems.push(...error.problems);
      else throw error;
      return fallback;
    }
  };
  const environments = data<Environments | undefined>(() => loadDataFile(join(contentRoot, 'environments.yaml'), environmentsSchema), undefined);
  const severity = data(() => loadDataFile(join(contentRoot, 'severity.yaml'), severityDataSchema, DEFAULT_SEVERITY_DATA), DEFAULT_SEVERITY_DATA);
  const services = data(() => loadDataFile(join(contentRoot, 'services.yaml'), servicesSchema, {}), {});

  const runbooksRoot = join(contentRoot, 'runbooks');
  const paths = existsSync(runbooksRoot)
    ? readdirSync(runbooksRoot, { recursive: true, encoding: 'utf8' })
        .filter((path) => /\.mdx?$/.test(path))
        .sort()
    : [];
  const pages = paths.map((path) => readPage(join(runbooksRoot, path), pageSlug(path), problems));
  return { pages, environments, severity, services, problems };
}

function readPage(path: string, slug: string, problems: ContentProblem[]): SourcePage {
  const file = relative(process.cwd(), path);
  const text = readFileSync(path, 'utf8');
  const { yaml, yamlLine, body, bodyLine } = splitFrontmatter(text);
  const page: SourcePage = { file, slug, text, yaml, yamlLine, body, bodyLine, data: undefined };
  const doc = parseDocument(yaml);
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const position = error.linePos?.[0];
      problems.push({
        severity: 'error',
        file,
        line: position && position.line + yamlLine - 1,
        column: position?.col,
        // The yaml library ends its message with a position counted from the frontmatter's start; ours is the file's.
        message: `invalid YAML frontmatter: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      });
    }
    return page;
  }
  const result = runbookSchema.safeParse(doc.toJS() ?? {});
  if (result.success) page.data = result.data;
  else problems.push(...problemsFromIssues(result.error.issues, yaml, file, yamlLine));
  return page;
}
