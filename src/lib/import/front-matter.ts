import { Document, isSeq } from 'yaml';
import type { Severity } from '../content/schemas/common.ts';

/** The frontmatter import writes for a page: the fields of the README's table that it can fill in. */
export interface ImportedFrontMatter {
  title: string;
  summary: string;
  service: string;
  severity?: Severity | undefined;
  alerts?: string[] | undefined;
  /** `sla.response` as an author writes it (`15m`, `1h`). */
  response?: string | undefined;
  kind?: 'reference' | undefined;
  tags?: string[] | undefined;
  inputs?: string[] | undefined;
  checkSnippets?: false | undefined;
}

/**
 * The frontmatter block (`---` … `---` and a newline) of an imported page, keys in the README's order so an
 * imported page reads like a written one, through the `yaml` library so that any title or summary comes out as
 * valid YAML that reads back as written (a `: ` or a leading `@` is quoted, never concatenated into a new key).
 * `alerts` is a flow list, `[A, B]`, as the README writes it; nothing is folded (a summary stays on one line).
 */
export function frontMatterText(fields: ImportedFrontMatter): string {
  const data: Record<string, unknown> = { title: fields.title, summary: fields.summary, service: fields.service };
  if (fields.severity) data['severity'] = fields.severity;
  if (fields.alerts) data['alerts'] = fields.alerts;
  if (fields.response) data['sla'] = { response: fields.response };
  if (fields.kind) data['kind'] = fields.kind;
  if (fields.tags && fields.tags.length > 0) data['tags'] = fields.tags;
  if (fields.inputs && fields.inputs.length > 0) data['inputs'] = fields.inputs;
  if (fields.checkSnippets === false) data['check_snippets'] = false;
  const doc = new Document(data);
  for (const key of ['alerts', 'tags']) {
    const node = doc.get(key, true);
    if (isSeq(node)) node.flow = true;
  }
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n`;
}
