import { QuoteType, Tokenizer } from 'htmlparser2';
import { relativeUrl } from './relative-url.ts';

/** An attribute value as the page's source holds it: `start`–`end` is the value between its quotes. */
interface AttributeValue {
  start: number;
  end: number;
  quote: QuoteType;
  /** The value with its character references decoded, as the browser reads it. */
  value: string;
}

/** A `<script type="module" src>` element, `start`–`end` spanning it from `<script` to `</script>`. */
interface ModuleScript {
  start: number;
  end: number;
  src: string;
}

/** What the offline copy changes in a page, found by parsing it (readPage). */
export interface OfflinePageParts {
  /** The module scripts, in document order. */
  scripts: ModuleScript[];
  /** Every `href` and `src` value of a real element, outside the module scripts. */
  urls: AttributeValue[];
  /** The `content` of each `<meta http-equiv="refresh">`. */
  refreshes: AttributeValue[];
}

/** The attributes readPage reads; every other attribute (`data-src`, `srcset`, …) is skipped unread. */
const READ = new Set(['href', 'src', 'type', 'http-equiv', 'content']);

/**
 * Parses a page with htmlparser2's tokenizer, which knows markup from text: `src="/x"` in a code block is text
 * (the tokenizer sees `&lt;`, or a quote that no tag opened), and so is everything inside `<script>`, `<style>`,
 * `<textarea>`, `<title>` and comments. Only the few attributes the offline copy rewrites are decoded.
 */
export function readPage(html: string): OfflinePageParts {
  const parts: OfflinePageParts = { scripts: [], urls: [], refreshes: [] };
  let tagStart = 0;
  /** The current tag's name when it is `script` or `meta`, the only ones whose other attributes matter. */
  let tagName = '';
  /** The attributes read in the current tag, by lower-case name (the first of duplicates wins, as in browsers). */
  const attributes = new Map<string, AttributeValue>();
  let name = '';
  let value: { start: number; end: number } | undefined;
  /** The module script whose `</script>` comes next. */
  let openScript: ModuleScript | undefined;

  function endOfTag(): void {
    if (attributes.size === 0) return;
    const src = attributes.get('src');
    if (tagName === 'script' && src && attributes.get('type')?.value.trim().toLowerCase() === 'module') {
      openScript = { start: tagStart, end: html.length, src: src.value };
      parts.scripts.push(openScript);
      return;
    }
    const href = attributes.get('href');
    if (href) parts.urls.push(href);
    if (src) parts.urls.push(src);
    const content = attributes.get('content');
    if (tagName === 'meta' && content && attributes.get('http-equiv')?.value.trim().toLowerCase() === 'refresh') parts.refreshes.push(content);
  }

  // Entities are left undecoded (faster, and each value then comes in one piece with its exact span); the few
  // values read are decoded by decodeAttribute. Names are compared by length first: most attributes are Shiki's.
  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      onopentagname(start, end) {
        tagStart = start - 1;
        tagName = end - start === 6 || end - start === 4 ? html.slice(start, end).toLowerCase() : '';
        attributes.clear();
      },
      onattribname(start, end) {
        const length = end - start;
        name = length === 3 || length === 4 || length === 7 || length === 10 ? html.slice(start, end).toLowerCase() : '';
        if (name && !READ.has(name)) name = '';
        value = undefined;
      },
      onattribdata(start, end) {
        if (name) value = { start, end };
      },
      onattribentity() {},
      onattribend(quote) {
        if (!name || !value || attributes.has(name)) return;
        const raw = html.slice(value.start, value.end);
        attributes.set(name, { ...value, quote, value: raw.includes('&') ? decodeAttribute(raw, quote) : raw });
      },
      onopentagend: endOfTag,
      // `<img src=… />`: in HTML the slash means nothing, and the tag ends there like any other.
      onselfclosingtag: endOfTag,
      onclosetag(start, end) {
        // A script's content is raw text, so the first `</script>` after a module script is its own.
        if (openScript && end - start === 6 && html.slice(start, end).toLowerCase() === 'script') {
          openScript.end = html.indexOf('>', end) + 1;
          openScript = undefined;
        }
      },
      ontext() {},
      ontextentity() {},
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return parts;
}

/** An attribute value's text (`/a?x=1&amp;y=2`) as the browser reads it (`/a?x=1&y=2`), decoded by htmlparser2. */
function decodeAttribute(raw: string, quote: QuoteType): string {
  let value = '';
  const quoteChar = quote === QuoteType.Single ? "'" : quote === QuoteType.Double ? '"' : '';
  const noop = () => {};
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onattribdata: (start, end) => (value += text.slice(start, end)),
      onattribentity: (codepoint) => (value += String.fromCodePoint(codepoint)),
      onattribend: noop,
      onattribname: noop,
      oncdata: noop,
      onclosetag: noop,
      oncomment: noop,
      ondeclaration: noop,
      onend: noop,
      onopentagend: noop,
      onopentagname: noop,
      onprocessinginstruction: noop,
      onselfclosingtag: noop,
      ontext: noop,
      ontextentity: noop,
    },
  );
  const text = `<a v=${quoteChar}${raw}${quoteChar}>`;
  tokenizer.write(text);
  tokenizer.end();
  return value;
}

/** The module scripts a page loads, in document order (root-absolute URLs). */
export function moduleScripts(html: string, parts = readPage(html)): string[] {
  return parts.scripts.map((script) => script.src);
}

/**
 * One page of the offline copy: links relative (see relativeUrl), module scripts replaced by `scripts`
 * (classic, deferred: browsers refuse module scripts from file://). Only the values of real attributes change,
 * spliced in by their offsets; every other byte of the page, the text of code blocks included, stays as it was.
 * `parts` is readPage(html), for a caller that has read the page already.
 */
export function rewriteForOffline(html: string, options: { file: string; base: string; scripts: string[] }, parts = readPage(html)): string {
  const toRelative = (url: string) => relativeUrl(url, options.file, options.base);
  const edits: { start: number; end: number; text: string }[] = [];
  parts.scripts.forEach((script, index) => {
    const text = index === 0 ? options.scripts.map((src) => `<script defer src="${escapeAttribute(toRelative(src), '"')}"></script>`).join('') : '';
    edits.push({ start: script.start, end: script.end, text });
  });
  const replace = (attribute: AttributeValue, value: string) => {
    if (value === attribute.value) return;
    const quote = attribute.quote === QuoteType.Single ? "'" : '"';
    const text = escapeAttribute(value, quote);
    // An unquoted value gets quotes: a relative URL may hold what ends an unquoted one.
    edits.push({ start: attribute.start, end: attribute.end, text: attribute.quote === QuoteType.Unquoted ? `"${text}"` : text });
  };
  for (const url of parts.urls) replace(url, toRelative(url.value));
  for (const refresh of parts.refreshes) {
    const match = /^(\s*\d+\s*[;,]\s*url\s*=\s*)(\S.*)$/is.exec(refresh.value);
    if (match) replace(refresh, match[1]! + toRelative(match[2]!));
  }
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += html.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + html.slice(at);
}

/** A value as the text of an attribute in `quote`: `&` and the quote escaped, everything else as it is. */
function escapeAttribute(value: string, quote: '"' | "'"): string {
  return value.replace(quote === '"' ? /[&"]/g : /[&']/g, (char) => (char === '&' ? '&amp;' : char === '"' ? '&quot;' : '&#39;'));
}
