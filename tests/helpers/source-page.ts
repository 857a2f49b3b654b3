import { parse } from 'yaml';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { pageSlug } from '../../src/lib/content/page-slug.ts';
import { runbookSchema } from '../../src/lib/content/schemas/runbook.ts';
import type { SourcePage } from '../../src/node/read-content.ts';

/**
 * A page as `readContent` gives it, from text instead of a file, for the table-driven tests of the checks:
 * the same frontmatter split and schema. `path` is the path under `content/runbooks/`.
 */
export function sourcePage(path: string, text: string): SourcePage {
  const { yaml, yamlLine, body, bodyLine } = splitFrontmatter(text);
  const result = runbookSchema.safeParse(parse(yaml) ?? {});
  return { file: `content/runbooks/${path}`, slug: pageSlug(path), text, yaml, yamlLine, body, bodyLine, data: result.success ? result.data : undefined };
}

/** Valid frontmatter for an incident of service `payments`, with `extra` lines added. */
export function frontmatter(extra = ''): string {
  return `---\ntitle: Payments API down\nsummary: Use when the API answers nothing.\nservice: payments\nseverity: high\nalerts: []\nsla:\n  response: 15m\n${extra}---\n`;
}
