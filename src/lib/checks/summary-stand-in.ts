import type { SourcePage } from '../content/source-page.ts';
import { type ContentProblem, fieldPosition } from '../errors.ts';

/**
 * What `npm run import` writes as the summary of a page that has no paragraph to take one from. The schema needs a
 * summary, and inventing one would put words in the team's mouth; a marked stand-in builds, and the warning below
 * keeps asking for the real sentence until someone writes it.
 */
export const SUMMARY_STAND_IN = 'TODO: one sentence on when to open this page';

/** A summary that is still a to-do: the stand-in, or any summary an author started with `TODO`. */
const UNFINISHED = /^\s*(?:TODO|FIXME)\b/;

/**
 * A summary that is still a to-do note. The summary is what a reader sees under the title and in every listing and
 * search result, so "TODO: …" there is a page nobody finished: a warning (the page is still worth publishing), at
 * the field.
 */
export function checkSummaryStandIn(pages: readonly SourcePage[]): ContentProblem[] {
  return pages.flatMap((page): ContentProblem[] => {
    const summary = page.data?.summary;
    if (summary === undefined || !UNFINISHED.test(summary)) return [];
    return [
      {
        severity: 'warning',
        file: page.file,
        ...fieldPosition(page.yaml, ['summary'], page.yamlLine),
        field: 'summary',
        message: `${JSON.stringify(summary)} is a to-do, not a summary: write one sentence on when to open this page ("Use when …"); it shows under the title and in every listing`,
      },
    ];
  });
}
