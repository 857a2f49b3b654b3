import { scanPlaceholders } from '../commands/placeholders.ts';
import { ownValue, type PlaceholderValues } from '../web/placeholder-values.ts';
import { type MappedText, MappedTextBuilder } from './mapped-text.ts';
import { sqlStandIn } from './psql.ts';
import type { SnippetParser } from './snippet.ts';

/**
 * A snippet as its parser should read it: each `{{placeholder}}` replaced by the default environment's value for
 * the page's service when it has one (the command as most readers copy it), else by a stand-in that fits where it
 * stands, so that a placeholder is never taken for a syntax error:
 * - PromQL: a duration inside a range or subquery (`[{{window}}]`) or after `offset`, a number after `@`;
 * - JSON: a number outside a string, where a bare word would be invalid;
 * - SQL: the name with `_` after it (`{{user}}` → `user_`, sqlStandIn);
 * - elsewhere the name itself, an identifier.
 * In shell, the informal placeholders real runbooks write, `<pod-name>` and `<NAMESPACE>`, are stand-ins too: the
 * shell would read them as redirections, which is not what the author meant.
 */
export function withStandIns(code: string, parser: SnippetParser, values: PlaceholderValues, placeholders: boolean): MappedText {
  const found = placeholders ? scanPlaceholders(code).placeholders : [];
  const informal = parser === 'shell' ? [...code.matchAll(INFORMAL)] : [];
  const spans = [
    ...found.map(({ name, start, end }) => ({ start, end, text: ownValue(values, name) ?? standIn(name, parser, code, start) })),
    ...informal.map((match) => ({ start: match.index, end: match.index + match[0].length, text: match[1]!.replace(/\W/g, '_') })),
  ].sort((a, b) => a.start - b.start);
  const out = new MappedTextBuilder();
  let last = 0;
  for (const { start, end, text } of spans) {
    if (start < last) continue;
    out.copy(code, last, start).insert(text, start);
    last = end;
  }
  return out.copy(code, last, code.length).build();
}

/** `<pod-name>`, `<NAMESPACE>`: a word in angle brackets, not `<<EOF`, `<(cmd)` or `2>&1`. */
const INFORMAL = /(?<![<\w$])<([A-Za-z][\w.-]*)>(?![>\w])/g;

function standIn(name: string, parser: SnippetParser, code: string, start: number): string {
  const before = code.slice(Math.max(0, code.lastIndexOf('\n', start - 1) + 1), start);
  switch (parser) {
    case 'promql':
      if (/\[[^\]]*$/.test(before) || /\boffset\s*$/.test(before)) return '5m';
      return /@\s*$/.test(before) ? '0' : name;
    case 'json':
      return insideJsonString(code, start) ? name : '0';
    case 'sql':
      return sqlStandIn(name);
    default:
      return name;
  }
}

/** Whether `offset` is inside a JSON string: an odd number of unescaped quotes before it. */
function insideJsonString(code: string, offset: number): boolean {
  let inside = false;
  for (let index = 0; index < offset; index++) {
    if (code[index] === '\\' && inside) index++;
    else if (code[index] === '"') inside = !inside;
  }
  return inside;
}
