import { type ContentProblem, problemsFromIssues } from '../errors.ts';
import { type SplitFile, splitFrontmatter } from './frontmatter.ts';
import type { Environments } from './schemas/environments.ts';
import { type RunbookData, runbookSchema } from './schemas/runbook.ts';
import type { Services } from './schemas/services.ts';
import type { SeverityData } from './schemas/severity.ts';
import { parseYaml } from './yaml.ts';

/** One runbook file as the command-line tools and the checks see it: the text, where its parts start, its data when valid. */
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

/** A content root as the checks see it: every page, the data files, and what was wrong while reading them. */
export interface SourceContent {
  pages: SourcePage[];
  environments: Environments | undefined;
  severity: SeverityData;
  services: Services;
  /** Problems found while reading: unreadable YAML, frontmatter or data files that do not match their schema. */
  problems: ContentProblem[];
}

/** A runbook's text split into frontmatter and body, with the frontmatter's value: not yet checked against the schema. */
export interface Frontmatter extends SplitFile {
  /** The frontmatter as data (`{}` without frontmatter), or `undefined` when its YAML cannot be read. */
  value: unknown;
  /** Why the YAML cannot be read, naming file, line and column. */
  problems: ContentProblem[];
}

/**
 * Splits a runbook's text and reads its frontmatter: what `npm run check` (parseSourcePage) and the build's loader
 * (src/plugins/validated-loader.ts) both see, so they cannot disagree on a value (`title: 2026-01-01` is text).
 */
export function readFrontmatter(file: string, text: string): Frontmatter {
  const split = splitFrontmatter(text);
  const parsed = parseYaml(split.yaml);
  if (parsed.ok) return { ...split, value: parsed.value, problems: [] };
  const { line, column, message } = parsed.problem;
  const problem: ContentProblem = {
    severity: 'error',
    file,
    ...(line !== undefined && { line: line + split.yamlLine - 1, column }),
    message: `invalid YAML frontmatter: ${message}`,
  };
  return { ...split, value: undefined, problems: [problem] };
}

/**
 * Splits a runbook's text into frontmatter and body and validates the frontmatter with the schema the build uses.
 * Never throws on bad content: the page comes back without `data`, and the problems name file, line and column.
 */
export function parseSourcePage(file: string, slug: string, text: string): { page: SourcePage; problems: ContentProblem[] } {
  const { yaml, yamlLine, body, bodyLine, value, problems } = readFrontmatter(file, text);
  const page: SourcePage = { file, slug, text, yaml, yamlLine, body, bodyLine, data: undefined };
  if (problems.length > 0) return { page, problems };
  const result = runbookSchema.safeParse(value);
  if (result.success) page.data = result.data;
  return { page, problems: result.success ? [] : problemsFromIssues(result.error.issues, yaml, file, yamlLine) };
}
