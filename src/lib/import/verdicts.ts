import type { ContentProblem } from '../errors.ts';
import type { PlannedPage, Verdicts } from './plan.ts';

/**
 * What `npm run check` says of the staged pages decides which pages are imported as they are, which get
 * `check_snippets: false`, and which are refused. No rule is repeated here: a page whose errors all go away once its
 * snippets are not checked had only snippet errors (their fences cannot be edited without changing the body); a
 * page with any other error (MDX code, raw HTML outside the allow-list, a secret, a broken link, an unknown
 * placeholder …) is refused with the check's own messages, so that what is imported passes the check.
 */

/** The verdicts so far, and the pages that are being tried without their snippet check. */
export interface Judgement {
  refused: Map<string, string[]>;
  uncheckedSnippets: Map<string, string>;
  /** Pages whose snippets are switched off to see whether that was all: confirmed when the next check is clean. */
  trial: Set<string>;
}

export function newJudgement(): Judgement {
  return { refused: new Map(), uncheckedSnippets: new Map(), trial: new Set() };
}

export function verdictsOf(judgement: Judgement): Verdicts {
  return { refused: judgement.refused, uncheckedSnippets: judgement.uncheckedSnippets };
}

/**
 * Takes in the errors of one check of the staged pages (by source path, as the author reads them); returns whether
 * anything changed, in which case the plan is made and checked again. Each page goes at most from imported to
 * tried without snippets to refused, so this ends.
 */
export function judge(judgement: Judgement, errors: ReadonlyMap<string, readonly string[]>): boolean {
  let changed = false;
  for (const source of judgement.trial) if (!errors.has(source)) judgement.trial.delete(source);
  for (const [source, list] of errors) {
    if (list.length === 0) continue;
    changed = true;
    if (judgement.uncheckedSnippets.has(source)) {
      judgement.refused.set(source, [...list]);
      judgement.uncheckedSnippets.delete(source);
      judgement.trial.delete(source);
    } else {
      // The first error is the page's first snippet error if the next check confirms it: problems come sorted by line.
      judgement.uncheckedSnippets.set(source, list[0]!);
      judgement.trial.add(source);
    }
  }
  return changed;
}

/**
 * A problem the check found in a staged page, told at the line of the old page the author edits: the body is the
 * same but for link targets, so a body line moves by the frontmatter's difference in length (and by any rewritten
 * span that spread over lines). A problem in the new frontmatter names the field.
 */
export function problemInSource(page: PlannedPage, sourceLabel: string, problem: ContentProblem): string {
  const { sourceBodyLine } = page;
  const stagedBodyLine = page.text.slice(0, page.bodyStart).split('\n').length;
  const where = `${sourceLabel}/${page.source}`;
  const text = `${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
  if (problem.line === undefined) return `${where}: ${text}`;
  if (problem.line < stagedBodyLine) return `${where}: the new frontmatter: ${text}`;
  let line = problem.line - stagedBodyLine + 1;
  for (const edit of page.edits) {
    const grown = edit.to.split('\n').length - edit.from.split('\n').length;
    if (grown !== 0 && edit.line - sourceBodyLine + 1 < line) line -= grown;
  }
  return `${where}:${line + sourceBodyLine - 1}${problem.column === undefined ? '' : `:${problem.column}`}: ${text}`;
}
