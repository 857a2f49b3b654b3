import type { SourcePage } from '../content/source-page.ts';
import type { ContentProblem } from '../errors.ts';
import { pageOutline } from './parsed-page.ts';

/**
 * The sections an incident runbook needs, recognised by the words teams use for them in `##` headings
 * ("Diagnosis", "Investigate", "Triage"; "Resolution", "Mitigation", "Recovery", "Rollback" …).
 */
export const SECTION_WORDS = {
  diagnosis: /\b(?:diagnos\w*|investigat\w*|triage|check\w*|detect\w*|troubleshoot\w*|identif\w*|debug\w*|assess\w*|analy[sz]\w*|root cause)\b/i,
  resolution:
    /\b(?:resol\w*|mitigat\w*|fix\w*|recover\w*|remediat\w*|restor\w*|workarounds?|roll ?back\w*|solutions?|solv\w*|repair\w*|contain\w*|fail ?over|actions?)\b/i,
} as const;

const UNFINISHED = /\b(?:TODO|FIXME)\b/g;

/**
 * Warnings about the shape of a page: an incident runbook without a diagnosis or a resolution section, an empty
 * code block, and `TODO`/`FIXME` in a code block (a tired engineer pastes it as it is).
 */
export function checkStructure(pages: readonly SourcePage[]): ContentProblem[] {
  return pages.flatMap((page) => {
    const problems: ContentProblem[] = [];
    const warn = (line: number, column: number, message: string) => problems.push({ severity: 'warning', file: page.file, line, column, message });
    if (page.data?.kind === 'incident') {
      const sections = pageOutline(page)
        .headings.filter((heading) => heading.depth === 2)
        .map((heading) => heading.text);
      for (const [section, words] of Object.entries(SECTION_WORDS)) {
        if (!sections.some((text) => words.test(text))) {
          warn(page.bodyLine, 1, `incident runbook without a ${section} section: add a "## ${section === 'diagnosis' ? 'Diagnosis' : 'Resolution'}" section`);
        }
      }
    }
    for (const block of pageOutline(page).code) {
      const fenceLine = page.bodyLine + block.line - 1;
      if (block.value.trim() === '') warn(fenceLine, 1, 'empty code block');
      block.value.split('\n').forEach((text, index) => {
        for (const match of text.matchAll(UNFINISHED)) {
          warn(fenceLine + 1 + index, match.index + 1, `${match[0]} in a code block: finish the command, or move the note out of the block`);
        }
      });
    }
    return problems;
  });
}
