import { parseDocument } from 'yaml';
import { type ContentProblem, problemsFromIssues, yamlErrorText } from '../errors.ts';
import { splitFrontmatter } from './frontmatter.ts';
import type { Environments } from './schemas/environments.ts';
import { type RunbookData, runbookSchema } from './schemas/runbook.ts';
import type { Services } from './schemas/services.ts';
import type { SeverityData } from './schemas/severity.ts';

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

/**
 * Splits a runbook's text into frontmatter and body and validates the frontmatter with the schema the build uses.
 * Never throws on bad content: the page comes back without `data`, and the problems name file, line and column.
 */
export function parseSourcePage(file: string, slug: string, text: string): { page: SourcePage; problems: ContentProblem[] } {
  const { yaml, yamlLine, body, bodyLine } = splitFrontmatter(text);
  const page: SourcePage = { file, slug, text, yaml, yamlLine, body, bodyLine, data: undefined };
  const doc = parseDocument(yaml);
  // Only the first syntax error: the parser reports what one mistake throws off further down as more errors.
  const [error] = doc.errors;
  if (error) {
    const position = error.linePos?.[0];
    const line = position && position.line + yamlLine - 1;
    return { page, problems: [{ severity: 'error', file, line, column: position?.col, message: `invalid YAML frontmatter: ${yamlErrorText(error)}` }] };
  }
  const result = runbookSchema.safeParse(doc.toJS() ?? {});
  if (result.success) page.data = result.data;
  return { page, problems: result.success ? [] : problemsFromIssues(result.error.issues, yaml, file, yamlLine) };
}
