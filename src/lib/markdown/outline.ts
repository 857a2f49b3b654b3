import GithubSlugger from 'github-slugger';
import type { Nodes } from 'mdast';
import { markdownToMdast } from 'satteri';

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

/** A fenced code block of the body: its language, meta words and code, and its text as written, fences and all. */
export interface CodeBlock {
  lang: string | undefined;
  meta: string | undefined;
  value: string;
  /** Line of the opening fence, counting from 1 in the body. */
  line: number;
  column: number;
  source: string;
}

/** A raw-HTML node of a Markdown body (a block, or one tag of inline HTML), as written. */
export interface RawHtml {
  value: string;
  line: number;
  column: number;
}

/** What the checks need to know of a body: headings, links, images, code blocks and raw HTML, from one parse. */
export interface Outline {
  headings: Heading[];
  links: MarkdownLink[];
  /** `![alt](url)` images, with the url as written. */
  images: MarkdownLink[];
  code: CodeBlock[];
  /** Raw HTML. In an MDX body parsed as Markdown these are its JSX tags: MDX checks those on its own tree. */
  html: RawHtml[];
}

/**
 * Headings, links and code blocks of a Markdown (or MDX) body, parsed with satteri, the parser the build renders
 * with (GFM tables included), so the checks see the blocks the reader sees, and fast enough for thousands of pages
 * in every build. Parsing MDX as Markdown is enough here: fences and headings are the same, and JSX holds no fences. Heading ids are made as Astro's
 * Markdown processor makes them (`@astrojs/markdown-satteri`, `createHeadingIdsPlugin`): github-slugger over the
 * heading's text, one slugger per page, so the second "Verification" is `verification-1`.
 */
export function markdownOutline(body: string): Outline {
  // The body comes without its frontmatter: a `---` at its start is a thematic break, not more frontmatter.
  const tree = markdownToMdast(body, { features: { frontmatter: false } }) as Nodes;
  const slugger = new GithubSlugger();
  const outline: Outline = { headings: [], links: [], images: [], code: [], html: [] };
  const visit = (node: Nodes): void => {
    const start = node.position?.start;
    if (node.type === 'heading') {
      const text = textOf(node);
      outline.headings.push({ depth: node.depth, text, id: slugger.slug(text), line: start?.line ?? 1 });
    } else if (node.type === 'link' || node.type === 'definition') {
      outline.links.push({ url: node.url, line: start?.line ?? 1, column: start?.column ?? 1 });
    } else if (node.type === 'image') {
      outline.images.push({ url: node.url, line: start?.line ?? 1, column: start?.column ?? 1 });
    } else if (node.type === 'html') {
      outline.html.push({ value: node.value, line: start?.line ?? 1, column: start?.column ?? 1 });
    } else if (node.type === 'code') {
      const source = body.slice(start?.offset ?? 0, node.position?.end.offset ?? 0);
      outline.code.push({
        lang: node.lang ?? undefined,
        meta: node.meta ?? undefined,
        value: node.value,
        line: start?.line ?? 1,
        column: start?.column ?? 1,
        source,
      });
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  return outline;
}

/** The text a heading renders, as the DOM's textContent gives it: emphasis and code markers removed. */
function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}
