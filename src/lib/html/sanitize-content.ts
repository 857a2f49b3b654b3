import { Tokenizer } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import { ALLOWED_ELEMENTS, ELEMENT_ATTRIBUTES, GLOBAL_ATTRIBUTES, IMAGE_SCHEMES, LINK_SCHEMES, urlScheme } from './allowed-html.ts';

/**
 * The build's second line behind `npm run check` (checks/raw-html.ts, checks/mdx-code.ts): each runbook page's
 * rendered body goes through sanitize-html with the authors' allow-list (allowed-html.ts) plus what the site's own
 * Markdown plugins write into it, so whatever slips past the check, or a build run without it, still publishes no
 * script, handler, frame, form or `javascript:` link. The site's chrome around the body is not sanitised.
 *
 * What the plugins add (shiki-command-blocks.ts, hast-task-list-labels.ts, GFM footnotes): `<figure
 * class="command-block" data-…>` with a `<figcaption>` and a Copy `<button type="button" aria-label>`, `<pre
 * tabindex="0" data-language>`, token `<span class="t-…">` and placeholder `<span data-placeholder>`, task-list
 * `<input type="checkbox" disabled>` and the footnotes' `<section data-footnotes>`. A token style the command-block
 * transformer could not turn into a class keeps its colour and font style; nothing else of a `style` survives.
 *
 * Cost: every page of every cold build goes through this, and a runbook body is mostly token spans. sanitize-html
 * costs some 5–7 ms of CPU a page of bench/gen-corpus.mjs (about 20 000 characters of body), whatever its options:
 * its own work per element (frames, escaping, re-serialising), 5 s of a 1000-runbook build that has 3 % to spare.
 * So each body is first read with htmlparser2, the parser sanitize-html itself uses, against the same tables
 * (`isClean`, about a sixth of the cost); a body in which sanitize-html would change nothing, every body that
 * passed `npm run check`, is kept as it is, and any other goes through sanitize-html.
 */
const GENERATED_ELEMENTS = ['figure', 'figcaption', 'button', 'input', 'section'];

/** The elements of a typical runbook body, most frequent first: thousands of token spans, then the blocks. */
const FREQUENT_ELEMENTS = ['span', 'code', 'p', 'li', 'pre', 'figure', 'figcaption', 'button', 'a', 'strong', 'h2', 'h3', 'ul', 'ol', 'td', 'tr'];

/** The name a transform gives an element to drop: in no allow-list. */
const REFUSED = 'refused-element';

const GENERATED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  pre: ['tabindex', 'style'],
  span: ['style'],
  button: ['type'],
  input: ['type', 'checked', 'disabled'],
};

/** One colour or font style per token, as Shiki writes them (`color:#0A3069;font-style:italic`). */
const TOKEN_STYLES = {
  color: [/^#[\da-f]{3,8}$/i],
  'background-color': [/^#[\da-f]{3,8}$/i],
  'font-style': [/^(?:italic|normal)$/],
  'font-weight': [/^(?:bold|normal|\d{3})$/],
  'text-decoration': [/^(?:underline|line-through|none)$/],
};

const allowedAttributes: Record<string, string[]> = { '*': [...GLOBAL_ATTRIBUTES, 'aria-*', 'data-*'] };
for (const [tag, names] of [...Object.entries(ELEMENT_ATTRIBUTES), ...Object.entries(GENERATED_ATTRIBUTES)]) {
  allowedAttributes[tag] = [...(allowedAttributes[tag] ?? []), ...names];
}

const OPTIONS: sanitizeHtml.IOptions = {
  // sanitize-html looks each tag up in this list, in order: the code blocks' spans first, then the other frequent ones.
  allowedTags: [...new Set([...FREQUENT_ELEMENTS, ...ALLOWED_ELEMENTS, ...GENERATED_ELEMENTS])],
  allowedAttributes,
  allowedSchemes: [...LINK_SCHEMES],
  allowedSchemesByTag: { img: [...IMAGE_SCHEMES] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowedStyles: { span: TOKEN_STYLES, pre: TOKEN_STYLES },
  // `<script>` and `<style>` go with their text; any other refused element leaves its text.
  disallowedTagsMode: 'discard',
  // The plugins write only checkboxes and plain buttons; any other input or button (a password field …) goes. A
  // transform runs for its own tag only, so this costs nothing on the thousands of spans.
  transformTags: {
    input: (tagName, attribs) => ({ tagName: attribs['type'] === 'checkbox' ? tagName : REFUSED, attribs }),
    button: (tagName, attribs) => ({ tagName: attribs['type'] === 'button' ? tagName : REFUSED, attribs }),
  },
};

/** `html` (a rendered runbook body) with everything outside the allow-list removed. */
export function sanitizeContent(html: string): string {
  return isClean(html) ? html : sanitizeHtml(html, OPTIONS);
}

const ELEMENTS: ReadonlySet<string> = new Set(OPTIONS.allowedTags || []);
const ANY_ELEMENT_ATTRIBUTES: ReadonlySet<string> = new Set(GLOBAL_ATTRIBUTES);
const ATTRIBUTES_OF: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries(allowedAttributes).map(([tag, names]) => [tag, new Set(names)]));
/** Elements that have no end tag, which the parser closes by itself. */
const VOID_ELEMENTS: ReadonlySet<string> = new Set(['br', 'hr', 'img', 'input', 'col', 'wbr']);

/**
 * True when sanitize-html, with OPTIONS, would keep every element and attribute of `html`: all elements and
 * attributes allowed, every URL of an allowed scheme, every style a token colour, the plugins' inputs and buttons
 * as they write them, no comment, doctype or CDATA, and every element closed by its own end tag, in order
 * (sanitize-html balances what is not, which keeps a body from closing the page's own elements). Stricter than
 * sanitize-html where that is simpler: a body it would merely re-serialise goes through it too.
 *
 * Read with htmlparser2's tokenizer, the lexer under the parser sanitize-html uses, rather than that parser: the
 * parser's tree-building costs three times the tokenizing, and a clean body needs none of it (its nesting is
 * checked here, strictly). Values are only assembled for the attributes whose value matters.
 */
export function isClean(html: string): boolean {
  let clean = true;
  const open: string[] = [];
  let tag = '';
  let attributes: Record<string, string> = {};
  let name = '';
  let value: string | undefined;
  const refuse = () => {
    clean = false;
  };
  const endOfOpenTag = (selfClosing: boolean) => {
    if (!clean) return;
    if (!ELEMENTS.has(tag) || !attributesAllowed(tag, attributes)) clean = false;
    else if (!VOID_ELEMENTS.has(tag)) {
      // `<span/>` opens a span in HTML, which the body would then leave open.
      if (selfClosing) clean = false;
      else open.push(tag);
    }
  };
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tag = html.slice(start, end).toLowerCase();
        attributes = {};
      },
      onattribname(start, end) {
        name = html.slice(start, end).toLowerCase();
        value = VALUED_ATTRIBUTES.has(name) ? '' : undefined;
        // A repeated attribute: the first counts for a browser, and a body that repeats one is not ours.
        if (Object.hasOwn(attributes, name)) clean = false;
        attributes[name] = '';
      },
      onattribdata(start, end) {
        if (value !== undefined) value += html.slice(start, end);
      },
      onattribentity(codepoint) {
        if (value !== undefined) value += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (value !== undefined) attributes[name] = value;
      },
      onopentagend: () => endOfOpenTag(false),
      onselfclosingtag: () => endOfOpenTag(true),
      onclosetag(start, end) {
        const closed = html.slice(start, end).toLowerCase();
        if (VOID_ELEMENTS.has(closed) || open.pop() !== closed) clean = false;
      },
      ontext() {},
      ontextentity() {},
      oncdata: refuse,
      oncomment: refuse,
      ondeclaration: refuse,
      onprocessinginstruction: refuse,
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return clean && open.length === 0;
}

/** The attributes whose value the allow-list looks at; the others are allowed or refused by name alone. */
const VALUED_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'style', 'type']);

function attributesAllowed(tag: string, attributes: Record<string, string>): boolean {
  if (tag === 'input' && attributes['type'] !== 'checkbox') return false;
  if (tag === 'button' && attributes['type'] !== 'button') return false;
  for (const name in attributes) {
    const value = attributes[name]!;
    if (!(ANY_ELEMENT_ATTRIBUTES.has(name) || name.startsWith('aria-') || name.startsWith('data-') || ATTRIBUTES_OF.get(tag)?.has(name))) return false;
    if (name === 'href' || name === 'src') {
      const scheme = urlScheme(value);
      if (scheme !== undefined && !(tag === 'img' ? IMAGE_SCHEMES : LINK_SCHEMES).includes(scheme)) return false;
    } else if (name === 'style' && !tokenStyle(value)) return false;
  }
  return true;
}

/** `color:#0A3069;font-style:italic`: declarations TOKEN_STYLES allows, and nothing else. */
function tokenStyle(style: string): boolean {
  return style.split(';').every((declaration) => {
    if (declaration.trim() === '') return true;
    const colon = declaration.indexOf(':');
    const patterns = TOKEN_STYLES[declaration.slice(0, colon).trim().toLowerCase() as keyof typeof TOKEN_STYLES];
    const value = declaration.slice(colon + 1).trim();
    return colon > 0 && patterns !== undefined && patterns.some((pattern) => pattern.test(value));
  });
}
