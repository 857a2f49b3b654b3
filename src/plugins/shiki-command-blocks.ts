import type { Element, ElementContent } from 'hast';
import type { DecorationItem, ShikiTransformer } from 'shiki';
import { type CodeMeta, parseCodeMeta } from '../lib/commands/code-meta.ts';
import { CONSOLE_LANGUAGES, classifyConsoleLines } from '../lib/commands/console-session.ts';
import { destructiveReasons } from '../lib/commands/destructive-rules.ts';
import { scanPlaceholders } from '../lib/commands/placeholders.ts';

interface BlockState {
  meta: CodeMeta;
  outputLines: Set<number>;
  placeholders: string[];
  destructive: string[];
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
      if (CONSOLE_LANGUAGES.has(options.lang)) {
        let offset = 0;
        classifyConsoleLines(code).forEach((line, index) => {
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
      state(this.meta).block = { meta, outputLines, placeholders: [...new Set(placeholders.map((p) => p.name))], destructive };
      return code;
    },
    line(node, line) {
      if (state(this.meta).block?.outputLines.has(line)) this.addClassToHast(node, 'output');
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
          properties: { type: 'button', className: ['copy-button'], 'aria-label': `Copy ${language === 'sql' ? 'query' : 'command'}` },
          children: [{ type: 'text', value: 'Copy' }],
        });
      }
      const figure: Element = {
        type: 'element',
        tagName: 'figure',
        properties: {
          className: ['command-block'],
          'data-language': language,
          ...(block.destructive.length ? { 'data-destructive': block.destructive.join('; ') } : {}),
          ...(block.placeholders.length ? { 'data-placeholders': block.placeholders.join(' ') } : {}),
        },
        children: [{ type: 'element', tagName: 'figcaption', properties: {}, children: caption }, pre],
      };
      root.children = [figure];
    },
  };
}

/** Shiki hands every hook of one highlight call the same `meta` object: the place to keep what `preprocess` found. */
function state(meta: object): { block?: BlockState } {
  return meta as { block?: BlockState };
}
