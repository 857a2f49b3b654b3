/**
 * The HTML a runbook may contain, in one place: `npm run check` refuses anything else in raw HTML and MDX JSX
 * (checks/raw-html.ts, checks/mdx-code.ts), and the build's sanitiser drops anything else from each rendered page
 * (html/sanitize-content.ts). Runbooks are written by many people and read by the people on call: content is
 * text, tables and links, never script, forms, frames or anything that navigates or restyles the page
 * (SECURITY.md).
 *
 * Pure data and decisions on names and values; the callers parse the HTML.
 */

/** Elements authors may write: text structure, tables, images, `<details>` and `<kbd>`. */
export const ALLOWED_ELEMENTS: ReadonlySet<string> = new Set([
  ...['p', 'div', 'span', 'br', 'hr', 'blockquote', 'pre', 'code', 'kbd', 'samp', 'var'],
  ...['b', 'i', 'em', 'strong', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'abbr', 'cite', 'q', 'wbr'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'details', 'summary', 'a', 'img'],
  ...['table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col'],
]);

/** Attributes any allowed element may carry. */
export const GLOBAL_ATTRIBUTES: ReadonlySet<string> = new Set(['class', 'id', 'title', 'lang', 'dir', 'align', 'role']);

/** Attributes allowed on some elements only. `href` and `src` are URLs, checked by urlProblem. */
export const ELEMENT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'name'],
  img: ['src', 'alt', 'width', 'height'],
  details: ['open'],
  ol: ['start', 'reversed', 'type'],
  td: ['colspan', 'rowspan', 'headers', 'valign'],
  th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr', 'valign'],
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
  table: ['width'],
};

/** The URL attribute of each element that has one, and the schemes it may use (a relative URL has none). */
export const URL_SCHEMES: Readonly<Record<string, { attribute: string; schemes: readonly string[] }>> = {
  a: { attribute: 'href', schemes: ['http', 'https', 'mailto', 'tel'] },
  img: { attribute: 'src', schemes: ['https'] },
};

/** Schemes of Markdown links (`[text](url)`, `[ref]: url`) and images (`![alt](url)`): the same as the HTML's. */
export const LINK_SCHEMES = URL_SCHEMES['a']!.schemes;
export const IMAGE_SCHEMES = URL_SCHEMES['img']!.schemes;

/** What to write instead of a refused element, by element. */
const ELEMENT_ADVICE: Readonly<Record<string, string>> = {
  script: 'pages run no scripts of their own; show code in a fenced code block',
  noscript: 'pages run no scripts of their own; write the text itself',
  style: 'content cannot restyle the page; show CSS in a fenced code block',
  iframe: 'link to the page instead: [title](https://…)',
  frame: 'link to the page instead: [title](https://…)',
  frameset: 'link to the page instead: [title](https://…)',
  object: 'link to the file instead: [title](https://…)',
  embed: 'link to the file instead: [title](https://…)',
  applet: 'link to the file instead: [title](https://…)',
  portal: 'link to the page instead: [title](https://…)',
  form: 'describe the step, or link to the tool that does it',
  input: 'describe the step, or link to the tool that does it; for a checklist write `- [ ] step`',
  button: 'describe the step, or link to the tool that does it',
  textarea: 'describe the step, or link to the tool that does it',
  select: 'describe the step, or link to the tool that does it',
  option: 'describe the step, or link to the tool that does it',
  meta: 'remove it: the site writes every page head',
  base: 'remove it: the site writes every page head',
  link: 'remove it: the site writes every page head; to link a page write [title](https://…)',
  title: 'remove it: the page title is the frontmatter `title`',
  svg: 'put the drawing in an image file and show it with ![description](https://…/drawing.svg)',
  math: 'write the formula as text or in a code block',
};

/** Why `tag` (lower case) may not appear in content, with what to write instead; undefined when it may. */
export function elementProblem(tag: string): string | undefined {
  if (ALLOWED_ELEMENTS.has(tag)) return undefined;
  const advice = ELEMENT_ADVICE[tag] ?? `use Markdown, or one of the allowed elements (SECURITY.md)`;
  return `<${tag}> is not allowed in runbook content: ${advice}`;
}

/**
 * Why attribute `written` with `value` may not appear on the allowed element `tag`; undefined when it may. Names
 * are compared in lower case, as HTML reads them (`onClick` is `onclick`). Event handlers and `style` are refused
 * everywhere; `href`/`src` must be URLs of an allowed scheme.
 */
export function attributeProblem(tag: string, written: string, value: string): string | undefined {
  const name = written.toLowerCase();
  if (name.startsWith('on')) return `${written} on <${tag}> is not allowed: pages run no scripts of their own; remove the attribute`;
  if (name === 'style') return `style on <${tag}> is not allowed: content cannot restyle the page; remove the attribute (use Markdown emphasis, or a class)`;
  if (!(GLOBAL_ATTRIBUTES.has(name) || name.startsWith('aria-') || ELEMENT_ATTRIBUTES[tag]?.includes(name))) {
    const allowed = [...GLOBAL_ATTRIBUTES, 'aria-*', ...(ELEMENT_ATTRIBUTES[tag] ?? [])].join(', ');
    return `attribute ${written} on <${tag}> is not allowed: remove it (allowed: ${allowed})`;
  }
  const url = URL_SCHEMES[tag];
  if (url?.attribute === name) return urlProblem(value, url.schemes, `${name} of <${tag}>`, tag === 'img');
  return undefined;
}

/**
 * Why `url` (entities already decoded) may not be used where `schemes` are allowed; undefined when it may. The
 * scheme is read as a browser reads it: ASCII whitespace and control characters anywhere are dropped first, so
 * `java\tscript:` and ` javascript:` are `javascript:`, in any letter case.
 */
export function urlProblem(url: string, schemes: readonly string[], where: string, image: boolean): string | undefined {
  const scheme = urlScheme(url);
  if (scheme === undefined || schemes.includes(scheme)) return undefined;
  const allowed = schemes.map((name) => `${name}:`).join(', ');
  const advice = image
    ? 'put the image at an https: address, or in a file beside the page with a relative path'
    : 'link to a relative path, #anchor or an address with one of those schemes';
  return `${scheme}: URL in ${where} is not allowed (allowed: ${allowed} and relative URLs): ${advice}`;
}

/** The lower-case scheme of `url` as a browser reads it, or undefined for a relative URL. */
export function urlScheme(url: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore these characters in a URL's scheme
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  return /^([a-z][a-z\d+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}
