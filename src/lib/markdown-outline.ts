import GithubSlugger from 'github-slugger';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';

/** A heading of a Markdown body with the `id` the built page gives it. */
export interface Heading {
  depth: number;
  text: string;
  id: string;
  /** Line in the body, counting from 1. */
  line: number;
}

/** A link or link reference definition of a Markdown body, as written. */
export interface MarkdownLink {
  url: string;
  line: number;
  column: number;
}

/** What the checks need to know of a body: its headings and its links. Parsed once per page. */
export interface Outline {
  headings: Heading[];
  links: MarkdownLink[];
}

/**
 * Headings and links of a Markdown (or MDX) body. Heading ids are made as Astro's Markdown processor makes them
 * (`@astrojs/markdown-satteri`, `createHeadingIdsPlugin`): github-slugger over the heading's text, one slugger
 * per page, so the second "Verification" is `verification-1`.
 */
export function markdownOutline(body: string): Outline {
  const tree = fromMarkdown(body);
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const links: MarkdownLink[] = [];
  visit(tree, (node) => {
    if (node.type === 'heading') {
      const text = textOf(node);
      headings.push({ depth: node.depth, text, id: slugger.slug(text), line: node.position?.start.line ?? 1 });
    } else if (node.type === 'link' || node.type === 'definition') {
      links.push({ url: node.url, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
    }
  });
  return { headings, links };
}

/** The text a heading renders, as the DOM's textContent would give it: emphasis and code markers removed. */
function textOf(node: Nodes | Root): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}
