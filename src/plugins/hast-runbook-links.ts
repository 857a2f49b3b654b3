import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HastPluginDefinition } from 'satteri';
import { pageSlug } from '../lib/content/page-slug.ts';
import { runbookLinkUrl } from '../lib/markdown/runbook-link.ts';

/**
 * Points links between runbooks at the pages built from them, under the site's base path:
 * `[Roll back](../deploy/rollback.md#steps)` → `<a href="/runbooks/deploy/rollback/#steps">`, and with base
 * `/docs/`, `[DB down](/alerts/DBDown/)` → `<a href="/docs/alerts/DBDown/">`. `npm run check` (and so the build)
 * fails when the file, the page, the alert or the anchor does not exist.
 */
export function hastRunbookLinks(options: { base: string; runbooksRoot: string }): HastPluginDefinition {
  return {
    name: 'runbooks:runbook-links',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        const href = node.properties?.['href'];
        if (typeof href !== 'string' || !ctx.fileURL) return;
        const fromSlug = pageSlug(relative(options.runbooksRoot, fileURLToPath(ctx.fileURL)));
        const url = runbookLinkUrl(href, fromSlug, options.base);
        if (url) ctx.setProperty(node, 'href', url);
      },
    },
  };
}
