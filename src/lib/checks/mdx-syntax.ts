import { mdxToJs } from 'satteri';
import type { ContentProblem } from '../content-problem.ts';
import type { SourcePage } from '../read-content.ts';

/**
 * `.mdx` pages that do not compile: an unclosed `<div>`, a stray `{`, a `<` that starts no tag. Compiled with
 * satteri, the MDX compiler the build itself runs (through `@astrojs/mdx`), so the check and the build agree on
 * what is valid; with the frontmatter blanked out as the build does, so lines are the file's.
 */
export function checkMdxSyntax(pages: readonly SourcePage[]): ContentProblem[] {
  return pages.flatMap((page): ContentProblem[] => {
    if (!page.file.endsWith('.mdx')) return [];
    try {
      mdxToJs('\n'.repeat(page.bodyLine - 1) + page.body);
      return [];
    } catch (error) {
      return [{ severity: 'error', file: page.file, ...mdxErrorPosition(error), message: `MDX syntax error: ${mdxErrorText(error)}` }];
    }
  });
}

// satteri's messages read `3:6: Expected a closing tag for `<div>` (3:6) before … (mdx-jsx:unexpected-character)`.
const MESSAGE = /^(?:(\d+):(\d+): )?([\s\S]*?)(?: \([\w-]+:[\w-]+\))?$/;

function mdxErrorPosition(error: unknown): { line?: number; column?: number } {
  const match = MESSAGE.exec(error instanceof Error ? error.message : '');
  return match?.[1] && match[2] ? { line: Number(match[1]), column: Number(match[2]) } : {};
}

function mdxErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return MESSAGE.exec(message)?.[3]?.trim() || message;
}
