import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { yamlDocument } from './content/yaml.ts';

export { yamlErrorText } from './content/yaml.ts';

/** Where in a file something is wrong. Lines and columns count from 1. */
export interface Location {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
}

/** One thing wrong with the content, worded for the author who has to fix it. */
export interface ContentProblem extends Location {
  severity: 'error' | 'warning';
  /** The frontmatter field or data key, as a dotted path (`sla.response`), when there is one. */
  field?: string | undefined;
  message: string;
}

/** `content/runbooks/db/latency.mdx:5:11: severity: expected one of …`, the shape editors and CI annotate. */
export function formatProblem(problem: ContentProblem): string {
  return `${problemLocation(problem)}: ${problemText(problem)}`;
}

/**
 * The same with the level after the location, as compilers print it, for `npm run check` where errors and
 * warnings mix: `content/runbooks/db/latency.mdx:5:11: error: severity: expected one of …`.
 */
export function formatProblemWithSeverity(problem: ContentProblem): string {
  return `${problemLocation(problem)}: ${problem.severity}: ${problemText(problem)}`;
}

function problemLocation(problem: ContentProblem): string {
  return [shownPath(problem.file), problem.line, problem.line && problem.column].filter(Boolean).join(':');
}

/**
 * A path with its control and invisible characters written as `\u0009`: a file named with a newline or a
 * right-to-left override (checks/files.ts rejects it) must not break the one-line-per-problem output.
 */
function shownPath(path: string): string {
  return path.replace(/[\p{Cc}\p{Cf}]/gu, (character) => `\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

function problemText(problem: ContentProblem): string {
  return `${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
}

/** Thrown by the build on content it cannot publish; its message lists every problem, one per line. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[], options?: { cause?: unknown }) {
    super(problems.map(formatProblemWithSeverity).join('\n'), options);
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/**
 * Maps zod issues on data parsed from YAML back to the file, line and column of the offending key.
 * `firstLine` is the line the YAML starts on in `file` (2 for frontmatter after `---`).
 */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[], yamlText: string, file: string, firstLine = 1): ContentProblem[] {
  const { doc, lineCounter } = yamlDocument(yamlText);
  return issues.map((issue) => {
    const path = issue.path.map(String);
    // A bad record key (an environment id such as `prod?x`): zod says only "Invalid key in record" and keeps the
    // schema's own message inside; point at the key, not at its value.
    const badKey = issue.code === 'invalid_key';
    const position = positionOf(doc, lineCounter, issue.path as (string | number)[], badKey);
    return {
      severity: 'error' as const,
      file,
      ...(position && { line: position.line + firstLine - 1, column: position.col }),
      ...(path.length > 0 && { field: path.join('.') }),
      message: badKey && issue.issues.length > 0 ? issue.issues.map((inner) => inner.message).join('; ') : issue.message,
    };
  });
}

/**
 * Line and column of the frontmatter field or data key at `path` (`['alerts', 2]`), for problems found after
 * parsing (a duplicate alert, a `related` slug that does not exist). `firstLine` as in `problemsFromIssues`.
 */
export function fieldPosition(yamlText: string, path: readonly (string | number)[], firstLine = 1): { line: number; column: number } | undefined {
  const { doc, lineCounter } = yamlDocument(yamlText);
  const position = positionOf(doc, lineCounter, [...path]);
  return position && { line: position.line + firstLine - 1, column: position.col };
}

/**
 * Line and column of the deepest node of `path` that exists: a missing field points at its parent.
 * With `key`, the position of the last key of `path` itself rather than of its value.
 */
function positionOf(doc: Document, lineCounter: LineCounter, path: (string | number)[], key = false) {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
    if (offset !== undefined && !(key && depth === path.length)) return lineCounter.linePos(offset);
    // A key whose value is missing or null has no node; find the key itself.
    const parent = depth > 1 ? doc.getIn(path.slice(0, depth - 1), true) : doc.contents;
    const pair = (parent as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null)?.items?.find(
      (item) => item.key?.value === path[depth - 1],
    );
    if (pair?.key?.range) return lineCounter.linePos(pair.key.range[0]);
  }
  return undefined;
}
