import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Snippet, SnippetParser, SyntaxFault } from '../lib/snippets/snippet.ts';
import { jsonFault, promqlFault, yamlFault } from '../lib/snippets/syntax.ts';

/**
 * Runs each snippet's real parser: mvdan/sh (`sh-syntax`, bash dialect) for shell, PostgreSQL's own parser
 * (`libpg-query`) for SQL, both WebAssembly and loaded once per process; PromQL, YAML and JSON are plain JavaScript
 * (src/lib/snippets/syntax.ts). Results are kept by parser and text for the life of the process, so the dev server's
 * content check (one long-lived worker) parses only the snippets an edit changed.
 */
export async function snippetFaults(snippets: readonly Snippet[]): Promise<(SyntaxFault | undefined)[]> {
  if (known.size > MAX_KNOWN) known.clear();
  const wanted = new Map<SnippetParser, Set<string>>();
  for (const { parser, source } of snippets) {
    if (known.has(key(parser, source.text))) continue;
    if (!wanted.has(parser)) wanted.set(parser, new Set());
    wanted.get(parser)!.add(source.text);
  }
  for (const [parser, texts] of wanted) {
    const faults = await PARSE[parser]([...texts]);
    [...texts].forEach((text, index) => {
      known.set(key(parser, text), faults[index] ?? null);
    });
  }
  return snippets.map(({ parser, source }) => known.get(key(parser, source.text)) ?? undefined);
}

/** Parser and text → its fault, or null when it parses. */
const known = new Map<string, SyntaxFault | null>();
/** A dev server edits for hours; past this many texts the oldest results are not worth their memory. */
const MAX_KNOWN = 50_000;
const key = (parser: SnippetParser, text: string) => `${parser}\0${text}`;

const PARSE: Record<SnippetParser, (texts: string[]) => Promise<(SyntaxFault | undefined)[]>> = {
  shell: shellFaults,
  sql: sqlFaults,
  promql: async (texts) => texts.map(promqlFault),
  yaml: async (texts) => texts.map(yamlFault),
  json: async (texts) => texts.map(jsonFault),
};

type ShellParse = (text: string) => Promise<{ Stmts: { Pos: { Offset: number }; End: { Offset: number } }[] }>;
let shellParser: Promise<ShellParse> | undefined;

/**
 * sh-syntax starts a fresh WebAssembly instance (and Go runtime) for every parse, about 3 ms: for the thousands of
 * shell blocks of a large collection that would be seconds. The module is compiled once here, and blocks are parsed
 * many at a time (shellBatchFaults).
 */
function loadShellParser(): Promise<ShellParse> {
  shellParser ??= (async () => {
    const { getProcessor } = await import('sh-syntax');
    const module = new WebAssembly.Module(readFileSync(fileURLToPath(import.meta.resolve('sh-syntax/main.wasm'))));
    const processor = getProcessor((imports: WebAssembly.Imports) => WebAssembly.instantiate(module, imports));
    return (text: string) => processor(text, { keepComments: false }) as ReturnType<ShellParse>;
  })();
  return shellParser;
}

/**
 * Blocks per parse: each parse has a WebAssembly memory of its own, which grows with the script; a few hundred
 * blocks keep it to a few megabytes while the start-up cost is spread thin.
 */
const SHELL_BATCH = Number(process.env['SNIPPET_BATCH'] ?? 200);

async function shellFaults(texts: string[]): Promise<(SyntaxFault | undefined)[]> {
  const parse = await loadShellParser();
  const faults: (SyntaxFault | undefined)[] = new Array(texts.length);
  for (let from = 0; from < texts.length; from += SHELL_BATCH) {
    await shellBatchFaults(parse, texts, from, Math.min(from + SHELL_BATCH, texts.length), faults);
  }
  return faults;
}

/**
 * Parses `texts[from..to)` as one script, each block in a `{ …; }` group of its own, and when that parses and the
 * script holds exactly those groups, each at its place, every block parses on its own: a quote, `$(`, here-document
 * or `\` left open in one block would have run into the next group and moved the groups' ends. Otherwise the
 * batch is halved until the blocks that fail are parsed alone, for their own error.
 */
async function shellBatchFaults(parse: ShellParse, texts: string[], from: number, to: number, faults: (SyntaxFault | undefined)[]): Promise<void> {
  if (to - from === 1) {
    faults[from] = await shellFault(parse, texts[from]!);
    return;
  }
  let script = '';
  let bytes = 0;
  const groups: [number, number][] = [];
  for (const text of texts.slice(from, to)) {
    // `:` first: a block of comments only is a script that does nothing, but an empty `{ }` is an error.
    const group = `{ :\n${text}\n}\n`;
    const length = Buffer.byteLength(group);
    groups.push([bytes, bytes + length - 1]);
    script += group;
    bytes += length;
  }
  try {
    const file = await parse(script);
    const exact =
      file.Stmts.length === groups.length && file.Stmts.every((stmt, index) => stmt.Pos.Offset === groups[index]![0] && stmt.End.Offset === groups[index]![1]);
    if (exact) return;
  } catch {
    // One of the blocks has an error: find it below.
  }
  const middle = from + Math.ceil((to - from) / 2);
  await shellBatchFaults(parse, texts, from, middle, faults);
  await shellBatchFaults(parse, texts, middle, to, faults);
}

async function shellFault(parse: ShellParse, text: string): Promise<SyntaxFault | undefined> {
  try {
    await parse(text);
    return undefined;
  } catch (error) {
    const { Text, Pos } = error as { Text?: string; Pos?: { Offset: number } };
    return { index: Pos ? charIndex(text, Pos.Offset) : 0, message: Text ?? (error as Error).message };
  }
}

let sqlParser: Promise<(sql: string) => unknown> | undefined;

async function sqlFaults(texts: string[]): Promise<(SyntaxFault | undefined)[]> {
  sqlParser ??= import('libpg-query').then(async ({ loadModule, parseSync }) => {
    await loadModule();
    return parseSync;
  });
  const parse = await sqlParser;
  return texts.map((text) => {
    try {
      parse(text);
      return undefined;
    } catch (error) {
      // PostgreSQL counts its cursor in characters (libpg-query from 0).
      const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
      return { index: details?.cursorPosition ?? 0, message: (error as Error).message };
    }
  });
}

/** mvdan/sh counts in UTF-8 bytes; the check counts in characters. */
function charIndex(text: string, byteOffset: number): number {
  return Buffer.from(text).subarray(0, byteOffset).toString('utf8').length;
}
