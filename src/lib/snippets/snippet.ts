import type { MappedText } from './mapped-text.ts';

/** The parsers snippets are checked with (src/node/snippet-parsers.ts runs them). */
export type SnippetParser = 'shell' | 'promql' | 'sql' | 'yaml' | 'json';

export const SNIPPET_PARSERS: readonly SnippetParser[] = ['shell', 'promql', 'sql', 'yaml', 'json'];

/** One thing to parse: a code block, or a PromQL query inside one, as its parser reads it. */
export interface Snippet {
  file: string;
  /** The language messages name: the fence's (`bash`, `console`, `sql` …), or `promql` for a `curl` query. */
  language: string;
  parser: SnippetParser;
  /** The text the parser reads, each character mapped to its offset in `code`. */
  source: MappedText;
  /** The block's code as written between its fences. */
  code: string;
  /** File line of the code's first line. */
  line: number;
  /** File column of the code's first character (the fence's indentation). */
  column: number;
}

/** A syntax error a parser found: where in the snippet's `source.text`, and the parser's own words. */
export interface SyntaxFault {
  index: number;
  message: string;
}

/** What `npm run check` says of the snippets besides their errors. */
export interface SnippetTally {
  /** Snippets parsed, by parser; a `curl` query counts under `promql`, its block under `shell`. */
  checked: Record<SnippetParser, number>;
  /** YAML blocks holding template actions (`{{ .Values.x }}`): a template, not YAML yet. */
  templates: number;
  /** Blocks in MySQL's dialect (```` ```mysql ````, or `sql mysql`), which PostgreSQL's parser would misread. */
  mysql: number;
  /** Blocks with the meta word `nocheck`. */
  nocheck: number;
  /** Pages with `check_snippets: false`, and the blocks of a checked language on them. */
  optedOutPages: number;
  optedOutBlocks: number;
}

export function emptyTally(): SnippetTally {
  return {
    checked: { shell: 0, promql: 0, sql: 0, yaml: 0, json: 0 },
    templates: 0,
    mysql: 0,
    nocheck: 0,
    optedOutPages: 0,
    optedOutBlocks: 0,
  };
}
