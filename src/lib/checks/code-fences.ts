import type { SourcePage } from '../content/source-page.ts';
import type { ContentProblem } from '../errors.ts';
import { pageOutline } from './parsed-page.ts';

/**
 * A code fence that is never closed: Markdown then renders the rest of the page as one code block, sections and
 * all, and the build does not complain. Reported at the opening fence, where the fix goes.
 */
export function checkCodeFences(pages: readonly SourcePage[]): ContentProblem[] {
  return pages.flatMap((page) =>
    pageOutline(page).code.flatMap(({ line, column, source }): ContentProblem[] => {
      const fence = unclosedFence(source);
      return fence
        ? [
            {
              severity: 'error',
              file: page.file,
              line: page.bodyLine + line - 1,
              column,
              message: `code block opened with ${fence} is never closed: add a closing ${fence}, or everything after it renders as code`,
            },
          ]
        : [];
    }),
  );
}

/**
 * The opening fence of `source` (a code block as written) when no closing fence ends it; `undefined` for closed
 * and indented blocks. A closing fence uses the same character, at least as many times (CommonMark 4.5);
 * `>` and spaces before it belong to the block quote or list the block is in.
 */
export function unclosedFence(source: string): string | undefined {
  const lines = source.split('\n');
  const open = /^(`{3,}|~{3,})/.exec(lines[0]?.trimStart() ?? '')?.[1];
  if (!open) return undefined;
  const last = lines.length > 1 ? (lines.at(-1) ?? '').replace(/^[ \t>]*/, '') : '';
  const closing = new RegExp(`^\\${open[0]}{${open.length},}[ \\t]*$`);
  return closing.test(last) ? undefined : open;
}
