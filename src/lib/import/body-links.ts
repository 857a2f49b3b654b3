import type { Nodes } from 'mdast';
import { SHORTCODE, type SourcePage } from './source-page.ts';

/**
 * The link targets of an imported page's body, each with the exact span of the body that holds it, so that a
 * target can be rewritten and every other byte of the body kept: the only edits import makes to a body.
 */

/** A link target as written in the body. */
export interface BodyLink {
  /**
   * `ref`: a Hugo `{{< ref "…" >}}`/`relref` shortcode, replaced whole by the path it means; `link` and `image`:
   * the destination of a Markdown link or image (`[x](dest)`, `![x](dest)`, `[x]: dest`), replaced by another one.
   */
  kind: 'ref' | 'link' | 'image';
  /** What it points at: the shortcode's path argument, or the destination as Markdown reads it. */
  target: string;
  /** The span of the body replaced when the target is rewritten: `[start, end)`. */
  start: number;
  end: number;
  /** Whether the destination was written in angle brackets (`<a b.md>`), which a rewrite keeps. */
  angle: boolean;
  /** Line in the body, from 1. */
  line: number;
}

/** A Hugo shortcode the site does not know and import leaves as written. */
export interface BodyShortcode {
  line: number;
  text: string;
  /** Inside code, where Hugo expanded it but the site shows it as written. */
  inCode: boolean;
}

/** `ref`/`relref` with their path: positional (quoted or not) or `path=`. */
const REF = /^\s*(?:ref|relref)\s+(?:path\s*=\s*)?(?:"([^"]*)"|`([^`]*)`|([^\s"`]+))/;

/** The links and shortcodes of a page's body. */
export function bodyLinks(page: SourcePage): { links: BodyLink[]; shortcodes: BodyShortcode[] } {
  const { body } = page;
  const lineAt = lineIndex(body);
  const code: [number, number][] = [];
  const links: BodyLink[] = [];
  const imageIds = new Set<string>();
  const definitions: { node: Extract<Nodes, { type: 'definition' }>; start: number; end: number }[] = [];

  const visit = (node: Nodes): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) {
      if (node.type === 'code' || node.type === 'inlineCode') code.push([start, end]);
      else if (node.type === 'link' || node.type === 'image') {
        const destination = inlineDestination(body.slice(start, end), node.url);
        if (destination) {
          links.push({
            kind: node.type,
            target: node.url,
            start: start + destination.start,
            end: start + destination.end,
            angle: destination.angle,
            line: lineAt(start),
          });
        }
      } else if (node.type === 'definition') definitions.push({ node, start, end });
      else if (node.type === 'imageReference') imageIds.add(node.identifier);
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(page.tree);

  for (const { node, start, end } of definitions) {
    const destination = definitionDestination(body.slice(start, end), node.url);
    if (!destination) continue;
    links.push({
      kind: imageIds.has(node.identifier) ? 'image' : 'link',
      target: node.url,
      start: start + destination.start,
      end: start + destination.end,
      angle: destination.angle,
      line: lineAt(start),
    });
  }

  const shortcodes: BodyShortcode[] = [];
  const inCode = (offset: number) => code.some(([start, end]) => offset >= start && offset < end);
  for (const match of body.matchAll(SHORTCODE)) {
    const text = match[0];
    const inner = text.slice(3, -3);
    const ref = REF.exec(inner);
    const line = lineAt(match.index);
    if (ref && !inCode(match.index)) {
      const target = ref[1] ?? ref[2] ?? ref[3] ?? '';
      links.push({ kind: 'ref', target, start: match.index, end: match.index + text.length, angle: false, line });
    } else shortcodes.push({ line, text: text.replace(/\s+/g, ' '), inCode: inCode(match.index) });
  }
  return { links: links.sort((a, b) => a.start - b.start), shortcodes };
}

/** Line (from 1) of an offset of `text`. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

interface Destination {
  start: number;
  end: number;
  angle: boolean;
}

/**
 * Where the destination of an inline link or image (`[text](dest "title")`) is in its source: after a `](` whose
 * destination reads as `url`. The last such `](` is taken, since link text may hold brackets of its own.
 */
function inlineDestination(source: string, url: string): Destination | undefined {
  let found: Destination | undefined;
  for (let index = source.indexOf(']('); index !== -1; index = source.indexOf('](', index + 1)) {
    const destination = destinationAt(source, index + 2, url);
    if (destination) found = destination;
  }
  return found;
}

/** Where the destination of a definition (`[label]: dest "title"`) is in its source. */
function definitionDestination(source: string, url: string): Destination | undefined {
  const colon = /^\s*\[(?:\\.|[^\]\\])*\]:/.exec(source);
  return colon ? destinationAt(source, colon[0].length, url) : undefined;
}

/** The destination starting at `from` (after white space), when it reads as `url`. */
function destinationAt(source: string, from: number, url: string): Destination | undefined {
  let start = from;
  while (start < source.length && /\s/.test(source[start]!)) start++;
  if (source[start] === '<') {
    const close = source.indexOf('>', start + 1);
    if (close === -1) return undefined;
    const raw = source.slice(start + 1, close);
    return reads(raw, url) ? { start: start + 1, end: close, angle: true } : undefined;
  }
  let end = start;
  let depth = 0;
  while (end < source.length) {
    const character = source[end]!;
    if (character === '\\' && end + 1 < source.length) {
      end += 2;
      continue;
    }
    if (/\s/.test(character) || (character === ')' && depth === 0)) break;
    if (character === '(') depth++;
    if (character === ')') depth--;
    end++;
  }
  const raw = source.slice(start, end);
  return raw !== '' && reads(raw, url) ? { start, end, angle: false } : undefined;
}

/** Whether a destination as written reads as `url` once Markdown's backslash escapes are removed. */
function reads(raw: string, url: string): boolean {
  return raw === url || raw.replace(/\\([!-/:-@[-`{-~])/g, '$1') === url;
}

/**
 * A path as the text of a destination's span (`BodyLink.start`–`end`): as it is when Markdown reads it back
 * unchanged, else in angle brackets (white space, unbalanced parentheses), with `<`, `>` and `\` escaped.
 */
export function destinationText(path: string, angle: boolean): string {
  if (!angle && !/[\s<>\\]/.test(path) && balanced(path)) return path;
  const escaped = path.replace(/[<>\\]/g, (character) => `\\${character}`);
  // A span written without brackets gets them; one written in brackets keeps its own (the span is inside them).
  return angle ? escaped : `<${escaped}>`;
}

function balanced(path: string): boolean {
  let depth = 0;
  for (const character of path) {
    if (character === '(') depth++;
    if (character === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
