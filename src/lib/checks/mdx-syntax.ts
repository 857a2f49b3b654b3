import { mdxToJs, mdxToMdast } from 'satteri';
import type { SourcePage } from '../content/source-page.ts';
import type { ContentProblem } from '../errors.ts';
import { type MdxNode, mdxCodeProblems } from './mdx-code.ts';

/**
 * `.mdx` pages the build cannot turn into a page. Parsed with satteri, the MDX compiler the build itself runs
 * (through `@astrojs/mdx`), so the check and the build agree on what is valid; with the frontmatter blanked out as
 * the build does, so lines are the file's.
 * - A syntax error: an unclosed `<div>`, a stray `{`, a `<` that starts no tag.
 * - A `{{placeholder}}` in prose, outside code: MDX reads `{{namespace}}` as a JavaScript expression, which
 *   compiles and then fails the build with "namespace is not defined".
 * - Code: `import`/`export`, expressions other than literals and frontmatter fields, JSX outside the HTML
 *   allow-list (mdx-code.ts), on the same parse.
 */
export function checkMdxSyntax(pages: readonly SourcePage[]): ContentProblem[] {
  return pages.flatMap((page): ContentProblem[] => {
    if (!page.file.endsWith('.mdx')) return [];
    const source = '\n'.repeat(page.bodyLine - 1) + page.body;
    let tree: MdxNode;
    try {
      tree = mdxToMdast(source);
      // The parse checks JSX and expressions but leaves `import`/`export` bodies to the compiler: compile only the
      // (rare) pages that have them, so every other page is parsed once.
      if (hasEsm(tree)) mdxToJs(source);
    } catch (error) {
      return [{ severity: 'error', file: page.file, ...mdxErrorPosition(error), message: `MDX syntax error: ${mdxErrorText(error)}` }];
    }
    const placeholders = placeholderExpressions(tree);
    return [
      ...placeholders.map(({ name, line, column }) => ({
        severity: 'error' as const,
        file: page.file,
        line,
        column,
        message: `{{${name}}} in MDX prose is a JavaScript expression, not a placeholder: write it in backticks, \`{{${name}}}\`, or escape both braces, \\{\\{${name}}}`,
      })),
      ...mdxCodeProblems(page.file, tree, source, new Set(placeholders.map(({ node }) => node))),
    ];
  });
}

/**
 * The `{{name}}`s MDX took for expressions: `{{name}}` is the expression `{name}`, and the escape that looks
 * right, `\{{name}}`, is a literal `{` then the expression `name` then `}`: both fail with "name is not defined".
 */
function placeholderExpressions(node: MdxNode): { name: string; line: number; column: number; node: MdxNode }[] {
  const children = Array.isArray(node.children) ? (node.children as MdxNode[]) : [];
  return children.flatMap((child, index) => {
    const value = typeof child.value === 'string' ? child.value : '';
    const expression = child.type === 'mdxTextExpression' || child.type === 'mdxFlowExpression';
    const name =
      expression &&
      (/^\{\s*([A-Za-z_]\w*)\s*\}$/.exec(value)?.[1] ??
        (textEnds(children[index - 1], /\{$/) && textEnds(children[index + 1], /^\}/) ? /^\s*([A-Za-z_]\w*)\s*$/.exec(value)?.[1] : undefined));
    const own = name ? [{ name, line: child.position?.start.line ?? 1, column: child.position?.start.column ?? 1, node: child }] : [];
    return [...own, ...placeholderExpressions(child)];
  });
}

function hasEsm(node: MdxNode): boolean {
  return node.type === 'mdxjsEsm' || (Array.isArray(node.children) && (node.children as MdxNode[]).some(hasEsm));
}

function textEnds(node: MdxNode | undefined, pattern: RegExp): boolean {
  return node?.type === 'text' && typeof node.value === 'string' && pattern.test(node.value);
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
