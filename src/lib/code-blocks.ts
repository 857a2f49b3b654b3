import type { Code } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';

/** A fenced code block of a Markdown body, with the line its first code line is on. */
export interface CodeBlock {
  lang: string | undefined;
  meta: string | undefined;
  value: string;
  /** Line of the opening fence, counting from 1 in the body. */
  line: number;
}

/** Every code block of a Markdown (or MDX) body, in order. */
export function codeBlocks(body: string): CodeBlock[] {
  // Parsing MDX as plain Markdown is enough here: fences are the same, and JSX does not contain fences.
  const blocks: CodeBlock[] = [];
  visit(fromMarkdown(body), 'code', (node: Code) => {
    blocks.push({ lang: node.lang ?? undefined, meta: node.meta ?? undefined, value: node.value, line: node.position?.start.line ?? 1 });
  });
  return blocks;
}
