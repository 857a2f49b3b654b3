import sanitizeHtml from 'sanitize-html';
import { ALLOWED_ELEMENTS, ELEMENT_ATTRIBUTES, GLOBAL_ATTRIBUTES, URL_SCHEMES } from './allowed-html.ts';

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
 * Cost: every page of every cold build goes through this, and a runbook body is mostly token spans. Measured on
 * bench/gen-corpus.mjs pages (about 20 000 characters of body each): some 5–7 ms of CPU a page, against 0.8 ms for
 * htmlparser2's parse alone; almost all of it is sanitize-html's own work per element (frames, escaping), which no
 * option changes: a minimal allow-list costs the same. The options are still kept to plain lists.
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
  allowedSchemes: [...URL_SCHEMES['a']!.schemes],
  allowedSchemesByTag: { img: [...URL_SCHEMES['img']!.schemes] },
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
  return sanitizeHtml(html, OPTIONS);
}
