import type { Element } from 'hast';
import type { HastPluginDefinition } from 'satteri';
import { repeatsTitle } from '../lib/markdown/title-heading.ts';

/**
 * Drops a page's leading `<h1>` when it only repeats the title (src/lib/markdown/title-heading.ts): the runbook
 * header shows the title already. It goes before Astro collects the headings, so it is in none of the page, its
 * table of contents, or the book and its PDF bookmarks, which render the same body.
 */
export const hastRepeatedTitle: HastPluginDefinition = {
  name: 'runbooks:repeated-title',
  before(root, ctx) {
    const title = ctx.data.astro?.frontmatter?.['title'];
    if (typeof title !== 'string') return;
    const first = root.children.find((node) => !(node.type === 'text' && node.value.trim() === '') && node.type !== 'comment');
    if (first?.type === 'element' && (first as Element).tagName === 'h1' && repeatsTitle(ctx.textContent(first), title)) ctx.removeNode(first);
  },
};
