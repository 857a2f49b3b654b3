import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MarkdownRenderer } from 'astro/markdown';
import config from '../../astro.config.mjs';
import { CONTENT_ROOT } from '../../src/node/content-root.ts';

/**
 * The Markdown processor of astro.config.mjs, made the way Astro makes it for a `.md` content entry
 * (`processor.createRenderer` with the Shiki settings), so that unit tests render Markdown through the same
 * satteri pipeline, hast plugins and Shiki transformer as the build. astro.config.mjs reads RUNBOOKS_BASE and
 * RUNBOOKS_CONTENT_DIR when it is imported; the tests run without them: base `/`, content in `content/`.
 */
let renderer: Promise<MarkdownRenderer> | undefined;

export function siteRenderer(): Promise<MarkdownRenderer> {
  const { markdown } = config;
  if (!markdown?.processor) throw new Error('astro.config.mjs sets no markdown.processor');
  return (renderer ??= markdown.processor.createRenderer({ syntaxHighlight: 'shiki', ...(markdown.shikiConfig && { shikiConfig: markdown.shikiConfig }) }));
}

/** The file URL of a runbook source file, `payments/api-down.md`, under the content root the build uses. */
export const runbookFileURL = (path: string) => pathToFileURL(join(CONTENT_ROOT, 'runbooks', path));

/** Renders `markdown` as the build renders the runbook file `path` (relative to `content/runbooks/`). */
export async function renderRunbook(markdown: string, path = 'payments/api-down.md'): Promise<string> {
  return (await (await siteRenderer()).render(markdown, { fileURL: runbookFileURL(path) })).code;
}
