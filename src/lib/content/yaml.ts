import { type Document, isAlias, isCollection, isNode, isPair, isScalar, LineCounter, parseDocument, visit, type YAMLError } from 'yaml';

/**
 * How often aliases (`*name`) may be expanded, weighted by what each expands to: the yaml library's own limit,
 * written here so every parse of content uses it. A "billion laughs" document (nine aliases of nine aliases of …)
 * goes far past it in a few lines; a runbook that reuses a list once or twice stays far below it.
 */
export const MAX_ALIAS_COUNT = 100;

/** What to say of a document whose aliases expand past MAX_ALIAS_COUNT; `alias` names the first one when known. */
export function tooManyAliases(alias = 'name'): string {
  return `aliases (*${alias}) expand to too much data (more than ${MAX_ALIAS_COUNT} copies): write the values out instead`;
}

/** Where a YAML text is wrong, counted from its own first line (1-based), and what to write instead. */
export interface YamlProblem {
  line?: number | undefined;
  column?: number | undefined;
  message: string;
}

/** A parsed YAML text: its document (for the positions of keys) and its value, or why it cannot be read. */
export type ParsedYaml =
  | { ok: true; doc: Document; lineCounter: LineCounter; value: unknown }
  | { ok: false; doc: Document | undefined; lineCounter: LineCounter; problem: YamlProblem };

/**
 * The one YAML parse of content: frontmatter (source-page.ts), data files (data-file.ts), and through them the
 * build's loader (validated-loader.ts), so `npm run check` and the build read the same values. YAML 1.2's core
 * schema: `2026-01-15` and `yes` stay text. Plain data only: a tag other than the core ones (`!!binary`,
 * `!!timestamp`, `!foo`), a merge key (`<<`) and a list or map used as a key are errors, as Astro's MDX compiler, which reads the
 * frontmatter again with another parser (js-yaml), fails or reads another value on them.
 *
 * Never throws on hostile input: an alias bomb, nesting ten thousand levels deep (a stack overflow inside the
 * parser or while converting) and unresolved aliases come back as a problem with a position when one is known.
 */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter });
  } catch (error) {
    return { ok: false, doc: undefined, lineCounter, problem: { message: thrownText(error) } };
  }
  // Only the first syntax error: the parser reports what one mistake throws off further down as more errors.
  const [error] = doc.errors;
  if (error) {
    const message = yamlErrorText(error);
    // Where the parser ran out of stack depends on the stack's size, not on the text: no position rather than a varying one.
    const position = message === NESTED_TOO_DEEPLY ? undefined : error.linePos?.[0];
    return { ok: false, doc, lineCounter, problem: { line: position?.line, column: position?.col, message } };
  }
  const unsupported = firstUnsupported(doc);
  if (unsupported) {
    const position = lineCounter.linePos(unsupported.offset);
    return { ok: false, doc, lineCounter, problem: { line: position.line, column: position.col, message: unsupported.message } };
  }
  return yamlValue(doc, lineCounter);
}

/**
 * The value of a parsed document, within the alias limit: for a caller that parses documents itself (a Prometheus
 * rule file holds several, `parseAllDocuments`). Never throws: an alias bomb, an alias before its anchor or
 * nesting too deep for the conversion is a problem, at the first alias when it is about aliases.
 */
export function yamlValue(doc: Document, lineCounter: LineCounter): ParsedYaml {
  try {
    return { ok: true, doc, lineCounter, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {} };
  } catch (thrown) {
    const alias = firstAlias(doc);
    const aliasPosition = alias?.range && lineCounter.linePos(alias.range[0]);
    const message = /alias count/i.test(String((thrown as Error)?.message)) ? tooManyAliases(alias?.source) : thrownText(thrown);
    const position = /alias/i.test(message) ? aliasPosition : undefined;
    return { ok: false, doc, lineCounter, problem: { line: position?.line, column: position?.col, message } };
  }
}

/**
 * A YAML text's document, for the positions of its keys (errors.ts), as parseYaml reads it. Without its values:
 * a text parseYaml rejects still has positions, and an empty document stands for one the parser gave up on.
 */
export function yamlDocument(text: string): { doc: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  try {
    return { doc: parseDocument(text, { lineCounter }), lineCounter };
  } catch {
    return { doc: parseDocument('', { lineCounter }), lineCounter };
  }
}

/** The tags of YAML's core schema, which every parser reads alike; `!!str 2026-01-15` is how to insist on text. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((name) => `tag:yaml.org,2002:${name}`));

/** The first tag outside the core schema, or the first key that is a list or a map, with its offset. */
function firstUnsupported(doc: Document): { offset: number; message: string } | undefined {
  let found: { offset: number; message: string } | undefined;
  try {
    visit(doc, {
      Pair: (_key, pair) => {
        if (isPair(pair) && isCollection(pair.key)) {
          found = { offset: pair.key.range?.[0] ?? 0, message: 'a key must be a word, not a list or a map' };
          return visit.BREAK;
        }
        // YAML 1.1's merge key: YAML 1.2 reads `<<` as an ordinary key, js-yaml merges (or fails on `<<: 1`).
        if (isPair(pair) && isScalar(pair.key) && pair.key.value === '<<' && pair.key.type === 'PLAIN') {
          found = { offset: pair.key.range?.[0] ?? 0, message: 'merge keys (<<) are not supported: write the keys out' };
          return visit.BREAK;
        }
        return undefined;
      },
      Node: (_key, node) => {
        if (isNode(node) && node.tag && !CORE_TAGS.has(node.tag)) {
          const tag = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
          found = { offset: node.range?.[0] ?? 0, message: `the tag ${tag} is not allowed: write plain YAML (quote a value to keep it as text)` };
          return visit.BREAK;
        }
        return undefined;
      },
    });
  } catch {
    // Too deep to walk: toJS fails on it too, and says so.
  }
  return found;
}

function firstAlias(doc: Document): { source: string; range?: [number, number, number] | null | undefined } | undefined {
  let found: { source: string; range?: [number, number, number] | null | undefined } | undefined;
  try {
    visit(doc, {
      Alias: (_key, node) => {
        if (isAlias(node)) found = node;
        return visit.BREAK;
      },
    });
  } catch {
    // Too deep to walk: the message says what is wrong without a position.
  }
  return found;
}

/** What a thrown error means for the author; a stack overflow is nesting far deeper than any runbook needs. */
function thrownText(error: unknown): string {
  if (error instanceof RangeError || /call stack/i.test(String((error as Error)?.message))) return NESTED_TOO_DEEPLY;
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}

const NESTED_TOO_DEEPLY = 'lists or maps nested too deeply to read: flatten the data';

/**
 * The yaml library's message without what the location already says: it repeats the position counted from where
 * it started parsing (the frontmatter's first line, not the file's) and, with pretty errors, quotes the source.
 */
export function yamlErrorText(error: YAMLError): string {
  const text = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return /call stack/i.test(text) ? NESTED_TOO_DEEPLY : text;
}
