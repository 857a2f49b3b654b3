import type { Element, ElementContent } from 'hast';
import { type DecorationItem, getTokenStyleObject, type ShikiTransformer } from 'shiki';
import { type CodeMeta, parseCodeMeta } from '../lib/commands/code-meta.ts';
import { destructiveReasons } from '../lib/commands/destructive-rules.ts';
import { scanPlaceholders } from '../lib/commands/placeholders.ts';
import { queryTemplate } from '../lib/commands/query-template.ts';
import { sessionLines } from '../lib/commands/shell-session.ts';
import type { QueryTemplate } from '../lib/web/query-links.ts';

interface BlockState {
  meta: CodeMeta;
  outputLines: Set<number>;
  placeholders: string[];
  destructive: string[];
  /** The block's one PromQL query, when it has one (queryTemplate): its links to Prometheus and Grafana. */
  query: QueryTemplate | undefined;
}

/**
 * Turns every highlighted fence into a command block:
 *
 * ```` ```console
 * $ kubectl -n {{namespace}} get pods
 * NAME  READY
 * ```` ````
 * becomes
 * ```html
 * <figure class="command-block" data-language="console">
 *   <figcaption><span>console</span><button class="copy-button" aria-label="Copy command">Copy</button></figcaption>
 *   <pre …><code><span class="line"><span class="prompt">$ </span>kubectl -n
 *     <span class="ph" data-placeholder="namespace">{{namespace}}</span> get pods</span>
 *   <span class="line output">NAME  READY</span></code></pre>
 * </figure>
 * ```
 * The copy button copies what the reader sees minus `.prompt` and `.output`, so the copied command is always
 * the one on screen with the chosen environment's values (`src/scripts/command-blocks.ts`). Unlike Expressive
 * Code, the text to copy cannot be fixed at build time: placeholders are filled in the browser, from the
 * environment and the reader's inputs.
 *
 * A block holding one PromQL query (a `promql` block, or one `curl …/api/v1/query` command) also carries the query
 * as `data-query` (lib/commands/query-template.ts) and, after Copy, two links without an address, which global.css
 * hides: `<a class="query-link" data-query-link="prometheus" aria-label="Open in Prometheus (opens a new tab)">Open in
 * Prometheus</a>` and its Grafana twin. src/scripts/query-links.ts gives them the chosen environment's address (and
 * `target="_blank" rel="noopener"`), which shows them. Nothing here is outside the content's allow-list
 * (lib/html/sanitize-content.ts), so a body with queries still skips the sanitiser's slow path.
 *
 * Token colours are classes, not the `style="color:#0A3069"` Shiki writes on every token and on the `<pre>`:
 * `<span class="t-st">`, which global.css colours in light and in dark mode (see colourClass).
 */
export function shikiCommandBlocks(): ShikiTransformer {
  return {
    name: 'runbooks:command-blocks',
    enforce: 'post',
    preprocess(source, options) {
      const rawMeta = typeof options.meta === 'string' ? options.meta : options.meta?.__raw;
      const meta = parseCodeMeta(rawMeta);
      const { code, placeholders } = meta.placeholders ? scanPlaceholders(source) : { code: source, placeholders: [] };
      // Offsets into `code`, always numbers here (Shiki also accepts line/character positions).
      const decorations: (DecorationItem & { start: number; end: number })[] = placeholders.map(({ name, start, end }) => ({
        start,
        end,
        alwaysWrap: true,
        properties: { class: 'ph', 'data-placeholder': name },
      }));
      const outputLines = new Set<number>();
      const session = sessionLines(code, options.lang);
      if (session) {
        let offset = 0;
        session.forEach((line, index) => {
          const length = code.indexOf('\n', offset) === -1 ? code.length - offset : code.indexOf('\n', offset) - offset;
          if (line.kind === 'output') outputLines.add(index + 1);
          else if (line.promptLength > 0 && line.promptLength <= length) {
            decorations.push({ start: offset, end: offset + line.promptLength, alwaysWrap: true, properties: { class: 'prompt' } });
          }
          offset += length + 1;
        });
      }
      // Shiki applies decorations after every transformer; they must be in document order not to intersect.
      decorations.sort((a, b) => a.start - b.start);
      if (decorations.length) options.decorations = [...(options.decorations ?? []), ...decorations];
      const destructive = destructiveReasons(code);
      if (meta.destructive && destructive.length === 0) destructive.push('marked destructive by its author');
      const query = queryTemplate(code, options.lang, placeholders);
      state(this.meta).block = { meta, outputLines, placeholders: [...new Set(placeholders.map((p) => p.name))], destructive, query };
      return code;
    },
    span(node, _line, _col, _lineElement, token) {
      // With one theme Shiki sets no `htmlStyle`: it writes the style of the token's colour and font style, as here.
      const colour = colourClass(token.htmlStyle ?? getTokenStyleObject(token));
      if (!colour) return;
      delete node.properties['style'];
      this.addClassToHast(node, colour);
    },
    line(node, line) {
      if (state(this.meta).block?.outputLines.has(line)) this.addClassToHast(node, 'output');
    },
    pre(node) {
      // `background-color:#ffffff;color:#1f2328` and Astro's `overflow-x: auto`: the block's stylesheet sets the
      // same background (var(--code-bg)) and overflow.
      const { 'background-color': _bg, 'overflow-x': overflow, ...rest } = parseStyle(node.properties['style']) ?? {};
      const colour = (overflow === undefined || overflow === 'auto') && colourClass(rest);
      if (!colour) return;
      delete node.properties['style'];
      this.addClassToHast(node, colour);
    },
    root(root) {
      const block = state(this.meta).block;
      const pre = root.children.find((child): child is Element => child.type === 'element' && child.tagName === 'pre');
      if (!block || !pre) return;
      const language = this.options.lang;
      const caption: ElementContent[] = [
        {
          type: 'element',
          tagName: 'span',
          properties: { className: ['language'] },
          children: [{ type: 'text', value: language === 'plaintext' ? 'text' : language }],
        },
      ];
      if (block.destructive.length) {
        caption.push({
          type: 'element',
          tagName: 'span',
          properties: { className: ['destructive-badge'], title: block.destructive.join('; ') },
          children: [{ type: 'text', value: `Destructive: ${block.destructive.join('; ')}` }],
        });
      }
      if (block.meta.copy) {
        caption.push({
          type: 'element',
          tagName: 'button',
          properties: { type: 'button', className: ['copy-button'], 'aria-label': `Copy ${language === 'sql' || language === 'promql' ? 'query' : 'command'}` },
          children: [{ type: 'text', value: 'Copy' }],
        });
      }
      if (block.query) caption.push(queryLink('prometheus', 'Open in Prometheus'), queryLink('grafana', 'Explore in Grafana'));
      const figure: Element = {
        type: 'element',
        tagName: 'figure',
        properties: {
          className: ['command-block'],
          'data-language': language,
          ...(block.destructive.length ? { 'data-destructive': block.destructive.join('; ') } : {}),
          ...(block.placeholders.length ? { 'data-placeholders': block.placeholders.join(' ') } : {}),
          ...(block.query ? { 'data-query': JSON.stringify(block.query) } : {}),
        },
        children: [{ type: 'element', tagName: 'figcaption', properties: {}, children: caption }, pre],
      };
      root.children = [figure];
    },
  };
}

/**
 * A link to the block's query in the environment's Prometheus or Grafana, without an address (so hidden) until
 * src/scripts/query-links.ts has one for the chosen environment. It opens a new tab, and says so to a screen reader.
 */
function queryLink(target: 'prometheus' | 'grafana', text: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['query-link'], dataQueryLink: target, ariaLabel: `${text} (opens a new tab)` },
    children: [{ type: 'text', value: text }],
  };
}

/**
 * The colours of github-light-default (the theme in astro.config.mjs) and of github-dark-default by rule, as
 * [name, light, dark]. The two themes have the same rules in the same order, so these pairs are the rules'
 * foreground colours side by side plus the editor's foreground, and no two rules share a light colour: a token's
 * light colour names its rule, and so its dark colour (tests/unit/plugins checks this list against the themes, and
 * global.css against it).
 */
export const THEME_COLOURS: readonly (readonly [name: string, light: string, dark: string])[] = [
  ['fg', '#1f2328', '#e6edf3'], // the editor foreground, variable.other, meta.block…
  ['cm', '#6e7781', '#8b949e'], // comment
  ['kw', '#cf222e', '#ff7b72'], // keyword, storage
  ['cn', '#0550ae', '#79c0ff'], // constant, support, entity
  ['vr', '#953800', '#ffa657'], // variable, entity.name
  ['fn', '#8250df', '#d2a8ff'], // entity.name.function
  ['tg', '#116329', '#7ee787'], // entity.name.tag, markup.inserted
  ['st', '#0a3069', '#a5d6ff'], // string
  ['er', '#82071e', '#ffa198'], // invalid, markup.deleted
  ['br', '#57606a', '#8b949e'], // brackethighlighter
  ['cr', '#f6f8fa', '#f0f6fc'], // carriage-return
  ['ig', '#eaeef2', '#161b22'], // markup.ignored
];

/** A light colour → the class of its rule: `t-st` is #0a3069 in light and #a5d6ff in dark (global.css). */
export const TOKEN_CLASSES: ReadonlyMap<string, string> = new Map(THEME_COLOURS.map(([name, light]) => [light, `t-${name}`]));

/** What a bold, italic or struck-through rule adds to a token's colour (`color:#1F2328;font-weight:bold`). */
const FONT_PROPERTIES = new Set(['font-style', 'font-weight', 'text-decoration']);

/**
 * The class of a style that is just one of the theme's colours: its rule's `t-` class, which global.css colours with
 * that rule's light colour, and in dark mode with the same rule's dark colour. Shiki highlights with the light theme
 * only: it tokenises the code once per theme, and a dark pass cost 1 s of 2.6 s for 1400 blocks, for colours that
 * only repeated the light rules'. The exception was the rare token whose two colours came from different rules (seen
 * in a build: the tail of an SQL line in the keyword's light colour and plain in dark, most likely a pass cut short
 * by Shiki's per-line `tokenizeTimeLimit`): it had both rules' classes, and now shows its light rule's colours in
 * both modes.
 * A bold, italic or struck-through rule's font style goes with the style: with two themes Shiki wrote it only as
 * `--shiki-light-font-weight`-like variables, which no stylesheet reads, so the page never showed it. With one theme
 * it writes `font-weight:bold` itself; dropping it keeps the page as it was (a Markdown `# heading` in a block stays
 * regular weight, in its rule's colour). Any other style (another theme, a Shiki upgrade, ANSI colours) is kept as
 * it is; global.css gives it the block's text colour in dark mode, its colour being meant for a light background.
 */
function colourClass(style: Readonly<Record<string, string>>): string | undefined {
  const { color, ...rest } = style;
  if (!color || Object.keys(rest).some((key) => !FONT_PROPERTIES.has(key))) return undefined;
  return TOKEN_CLASSES.get(color.toLowerCase());
}

/** `a:b; c: d;` (the `<pre>`'s style, with what Astro appends) as `{ a: 'b', c: 'd' }`; undefined if not a string. */
function parseStyle(style: unknown): Record<string, string> | undefined {
  if (typeof style !== 'string') return undefined;
  const entries = style.split(';').flatMap((declaration) => {
    const colon = declaration.indexOf(':');
    return colon === -1 ? [] : [[declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim()] as const];
  });
  return Object.fromEntries(entries);
}

/** Shiki hands every hook of one highlight call the same `meta` object: the place to keep what `preprocess` found. */
function state(meta: object): { block?: BlockState } {
  return meta as { block?: BlockState };
}
