import { parseCodeMeta } from '../commands/code-meta.ts';
import { environmentValues } from '../commands/environment-values.ts';
import { scanPlaceholders } from '../commands/placeholders.ts';
import { SHELL_LANGUAGES, sessionLines } from '../commands/shell-session.ts';
import type { Environments } from '../content/schemas/environments.ts';
import type { SourcePage } from '../content/source-page.ts';
import type { CodeBlock } from '../markdown/outline.ts';
import { compose, identity, type MappedText, MappedTextBuilder } from './mapped-text.ts';
import { promqlQueries } from './promql-query.ts';
import { psqlToSql } from './psql.ts';
import { emptyTally, type Snippet, type SnippetParser, type SnippetTally } from './snippet.ts';
import { withStandIns } from './stand-ins.ts';

/** Fence languages by the parser that checks them. */
const PARSERS: ReadonlyMap<string, SnippetParser> = new Map([
  ...[...SHELL_LANGUAGES].map((lang) => [lang, 'shell'] as const),
  ['promql', 'promql'],
  ...['sql', 'psql', 'postgresql'].map((lang) => [lang, 'sql'] as const),
  ...['yaml', 'yml'].map((lang) => [lang, 'yaml'] as const),
  ['json', 'json'],
]);

/**
 * Every snippet of the pages to parse, and the tally of those that are not: what `npm run check` feeds the parsers
 * (src/node/snippet-parsers.ts). Each snippet is the text its parser reads: a session's commands without prompts
 * or output (as Copy takes them), a psql session's SQL, the PromQL query of a `curl`, with placeholders filled by
 * the default environment's values or stand-ins (stand-ins.ts).
 */
export function collectSnippets(
  pages: readonly SourcePage[],
  environments: Environments | undefined,
  outline: (page: SourcePage) => { code: readonly CodeBlock[] },
): { snippets: Snippet[]; tally: SnippetTally } {
  const snippets: Snippet[] = [];
  const tally = emptyTally();
  const defaultEnvironment = environments ? Object.keys(environments)[0] : undefined;
  for (const page of pages) {
    const blocks = outline(page).code.filter((block) => block.lang && (PARSERS.has(block.lang.toLowerCase()) || block.lang.toLowerCase() === 'mysql'));
    if (page.data?.check_snippets === false) {
      tally.optedOutPages++;
      tally.optedOutBlocks += blocks.length;
      continue;
    }
    const values = environments && defaultEnvironment && page.data ? environmentValues(environments, defaultEnvironment, page.data.service) : {};
    for (const block of blocks) {
      const language = block.lang!.toLowerCase();
      const meta = parseCodeMeta(block.meta);
      if (!meta.check) {
        tally.nocheck++;
        continue;
      }
      const parser = PARSERS.get(language);
      if (!parser || (parser === 'sql' && meta.mysql)) {
        tally.mysql++;
        continue;
      }
      const code = meta.placeholders ? scanPlaceholders(block.value).code : block.value;
      const at = { file: page.file, code, line: page.bodyLine + block.line, column: block.column };
      if (parser === 'yaml' && isTemplate(code, meta.placeholders)) {
        tally.templates++;
        continue;
      }
      const base = parser === 'shell' ? sessionCommands(code, language) : parser === 'sql' ? psqlToSql(code) : identity(code);
      snippets.push({ ...at, language, parser, source: compose(base, withStandIns(base.text, parser, values, meta.placeholders)) });
      tally.checked[parser]++;
      for (const query of parser === 'shell' ? promqlQueries(code, language) : []) {
        snippets.push({ ...at, language: 'promql', parser: 'promql', source: compose(query, withStandIns(query.text, 'promql', values, meta.placeholders)) });
        tally.checked.promql++;
      }
    }
  }
  return { snippets, tally };
}

/**
 * A YAML block holding template actions (`{{ .Values.image }}`, `{{- if .x }}`), Helm's or Go's: not YAML until it
 * is rendered. Placeholders (`{{name}}`) are not actions.
 */
function isTemplate(code: string, placeholders: boolean): boolean {
  if (!code.includes('{{')) return false;
  if (!placeholders) return true;
  const { placeholders: found } = scanPlaceholders(code);
  let rest = '';
  let last = 0;
  for (const { start, end } of found) {
    rest += code.slice(last, start);
    last = end;
  }
  return (rest + code.slice(last)).includes('{{');
}

/**
 * The commands of a shell block as Copy takes them: in a session (a `console` block, or a script block with `$ `
 * prompts), prompts and output lines are left out (src/lib/commands/shell-session.ts, the rule Copy follows); an
 * output line becomes an empty line, so that nothing else moves.
 */
function sessionCommands(code: string, language: string): MappedText {
  const session = sessionLines(code, language);
  if (!session) return identity(code);
  const out = new MappedTextBuilder();
  let offset = 0;
  code.split('\n').forEach((line, index) => {
    const kind = session[index];
    if (index > 0) out.copy(code, offset - 1);
    if (kind && kind.kind !== 'output') out.copy(code, offset + kind.promptLength, offset + line.length);
    offset += line.length + 1;
  });
  return out.build();
}
