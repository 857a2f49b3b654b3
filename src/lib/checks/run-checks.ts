import type { SourceContent } from '../content/source-page.ts';
import type { ContentProblem } from '../errors.ts';
import { collectSnippets } from '../snippets/collect.ts';
import type { Snippet, SnippetTally } from '../snippets/snippet.ts';
import { checkCodeFences } from './code-fences.ts';
import { checkDuplicateAlerts } from './duplicate-alerts.ts';
import { checkFiles, isEmptyFile, type SourceBytes } from './files.ts';
import { checkLinks } from './links.ts';
import { checkMdxSyntax } from './mdx-syntax.ts';
import { pageOutline } from './parsed-page.ts';
import { checkPlaceholders } from './placeholders.ts';
import { checkRawHtml } from './raw-html.ts';
import { checkReviewAge, type ReviewOptions } from './review-age.ts';
import { checkSecrets, type TextFile } from './secrets.ts';
import { checkStructure } from './structure.ts';
import { checkSummaryStandIn } from './summary-stand-in.ts';

/** Everything `npm run check` looks at, read by the caller. */
export interface CheckInput {
  /** `readContent(root)`: pages, data files and the schema problems found while reading them. */
  content: SourceContent;
  /** Every runbook file's bytes, in the order of `content.pages`. */
  files: readonly SourceBytes[];
  /** The YAML data files (`environments.yaml` …), scanned for secrets. */
  dataFiles: readonly TextFile[];
  review: ReviewOptions;
}

/**
 * The snippets of the content for their parsers (src/node/snippet-parsers.ts), which the caller runs after
 * `checkContent`: two of them are WebAssembly, loaded and run asynchronously at the edge. `checkSnippets` turns
 * what they find into problems.
 */
export function contentSnippets(content: SourceContent): { snippets: Snippet[]; tally: SnippetTally } {
  return collectSnippets(content.pages, content.environments, pageOutline);
}

/** Every problem of the content, sorted by file, line and column so the output reads top to bottom. */
export function checkContent({ content, files, dataFiles, review }: CheckInput): ContentProblem[] {
  // An empty file has exactly one problem; its missing title, summary, service … would only bury it.
  const empty = new Set(files.filter((file) => isEmptyFile(file.bytes)).map((file) => file.file));
  const pages = content.pages.filter((page) => !empty.has(page.file));
  return sortProblems([
    ...content.problems.filter((problem) => !empty.has(problem.file)),
    ...checkFiles(files),
    ...checkPlaceholders(pages, content.environments),
    ...checkDuplicateAlerts(pages),
    ...checkLinks(pages),
    ...checkSecrets([...pages.map(({ file, text }) => ({ file, text })), ...dataFiles]),
    ...checkReviewAge(pages, review),
    ...checkStructure(pages),
    ...checkCodeFences(pages),
    ...checkMdxSyntax(pages),
    ...checkRawHtml(pages),
    ...checkSummaryStandIn(pages),
  ]);
}

/** By file, then line, then column; problems without a line first, as they concern the whole file. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  const compare = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        compare(a.problem.file, b.problem.file) ||
        compare(a.problem.line ?? 0, b.problem.line ?? 0) ||
        compare(a.problem.column ?? 0, b.problem.column ?? 0) ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}
