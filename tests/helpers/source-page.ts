import { pageSlug } from '../../src/lib/content/page-slug.ts';
import { parseSourcePage, type SourcePage } from '../../src/lib/content/source-page.ts';

/**
 * A page as `readContent` gives it, from text instead of a file, for the table-driven tests of the checks: the
 * same parser (`parseSourcePage`). `path` is the path under `content/runbooks/`.
 */
export function sourcePage(path: string, text: string): SourcePage {
  return parseSourcePage(`content/runbooks/${path}`, pageSlug(path), text).page;
}

/** Valid frontmatter for an incident of service `payments`, with `extra` lines added. */
export function frontmatter(extra = ''): string {
  return `---\ntitle: Payments API down\nsummary: Use when the API answers nothing.\nservice: payments\nseverity: high\nalerts: []\nsla:\n  response: 15m\n${extra}---\n`;
}
