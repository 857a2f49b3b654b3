import type { Nodes } from 'mdast';
import { markdownToMdast } from 'satteri';

/** A fenced code block of a Markdown body, with the line its opening fence is on. */
export interface CodeBlock {
  lang: string | undefined;
  meta: string | undefined;
  value: string;
  /** Line of the opening fence, counting from 1 in the body. */
  line: number;
}

/**
 * Every code block of a Markdown (or MDX) body, in order, parsed with satteri: the parser the build renders with,
 * so the checks see the blocks the reader sees, and fast enough to run over thousands of pages in every build.
 */
export function codeBlocks(body: string): CodeBlock[] {
  // Parsing MDX as Markdown is enough here: fences are the same, and JSX does not contain fences.
  // The body comes without its frontmatter: a `---` at its start is a thematic break.
  const tree = markdownToMdast(body, { features: { frontmatter: false } }) as Nodes;
  const blocks: CodeBlock[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'code') {
      blocks.push({ lang: node.lang ?? undefined, meta: node.meta ?? undefined, value: node.value, line: node.position?.start.line ?? 1 });
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  return blocks;
}
