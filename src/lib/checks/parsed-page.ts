import type { SourcePage } from '../../node/read-content.ts';
import { type CodeBlock, codeBlocks } from '../markdown/code-blocks.ts';
import { markdownOutline, type Outline } from '../markdown/outline.ts';

// Several checks look at the same parse of a page; parsing once per page keeps `npm run check` quick on thousands
// of runbooks. Weak maps, so nothing outlives the pages.
const outlines = new WeakMap<SourcePage, Outline>();
const blocks = new WeakMap<SourcePage, CodeBlock[]>();

/** `markdownOutline` of the page's body, parsed once. */
export function pageOutline(page: SourcePage): Outline {
  let outline = outlines.get(page);
  if (!outline) outlines.set(page, (outline = markdownOutline(page.body)));
  return outline;
}

/** `codeBlocks` of the page's body, parsed once: the blocks the build checks placeholders in. */
export function pageCodeBlocks(page: SourcePage): CodeBlock[] {
  let found = blocks.get(page);
  if (!found) blocks.set(page, (found = codeBlocks(page.body)));
  return found;
}
