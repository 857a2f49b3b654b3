import { promqlQueries } from '../snippets/promql-query.ts';
import type { QueryTemplate } from '../web/query-links.ts';
import type { PlaceholderMatch } from './placeholders.ts';

/**
 * The PromQL query a command block links to (lib/web/query-links.ts), with its placeholders left to fill in the
 * browser; undefined unless the block holds exactly one query: a block of two would not say which the link runs.
 *
 * `code` is the block as shown (escapes removed) and `placeholders` its `{{name}}`s there (scanPlaceholders; none
 * for a `noplaceholders` block). The query is cut out of the code as Prometheus receives it (promqlQueries: shell
 * quotes removed, a `-d` form value decoded), and each of its characters knows where it stands in the code, so a
 * placeholder is found where the author wrote it. A placeholder the query holds only in part (`query={{q}}` split
 * oddly by shell quoting) cannot be filled as the reader sees it: such a block gets no link.
 */
export function queryTemplate(code: string, language: string | undefined, placeholders: readonly PlaceholderMatch[]): QueryTemplate | undefined {
  // Most blocks hold no query at all: skip reading them as the shell would (a thousand runbooks have tens of
  // thousands of blocks). A curl to the query API names it in its URL, whatever the quoting around the rest.
  if (language?.toLowerCase() !== 'promql' && !code.includes('/api/v1/query')) return undefined;
  const queries = promqlQueries(code, language);
  if (queries.length !== 1) return undefined;
  const { text, origin } = queries[0]!;
  if (text.trim() === '') return undefined;
  const parts: (string | readonly [string])[] = [];
  let literal = '';
  for (let index = 0; index < text.length; ) {
    const at = origin[index]!;
    const placeholder = placeholders.find((candidate) => at >= candidate.start && at < candidate.end);
    if (!placeholder) {
      literal += text[index];
      index += 1;
      continue;
    }
    const length = placeholder.end - placeholder.start;
    const whole = at === placeholder.start && Array.from({ length }, (_, offset) => origin[index + offset] === at + offset).every(Boolean);
    if (!whole || text.slice(index, index + length) !== `{{${placeholder.name}}}`) return undefined;
    if (literal) parts.push(literal);
    literal = '';
    parts.push([placeholder.name]);
    index += length;
  }
  if (literal) parts.push(literal);
  return parts;
}
