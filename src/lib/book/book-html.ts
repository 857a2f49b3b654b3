/**
 * The book (`/book/`) puts every page in one HTML document, so that the PDF's contents, alert index and
 * cross-references can be links within the file. Rendered pages each come with their own ids (`#symptoms` on
 * twenty pages); these helpers give every id a per-page prefix and point links at the copy inside the book.
 */

/** The id of a page's section in the book: `architect-api/api-down` → `rb-architect-api--api-down`. */
export function bookAnchor(slug: string): string {
  // Slug segments never contain `--` (see isValidSlug), so the anchor maps back to exactly one slug, and it
  // never contains `/`, which is what separates it from the ids of the page's own headings (bookId).
  return `rb-${slug.replaceAll('/', '--')}`;
}

/** An id of a page's rendered content, inside the book: `symptoms` → `rb-architect-api--api-down/symptoms`. */
export function bookId(anchor: string, id: string): string {
  return `${anchor}/${id}`;
}

/** `{ slug → anchor }` for every page, refusing two slugs that would share an anchor (the links would be ambiguous). */
export function bookAnchors(slugs: Iterable<string>): Map<string, string> {
  const anchors = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const slug of slugs) {
    const anchor = bookAnchor(slug);
    const owner = owners.get(anchor);
    if (owner !== undefined && owner !== slug) throw new Error(`pages "${owner}" and "${slug}" would share the book anchor #${anchor}`);
    owners.set(anchor, slug);
    anchors.set(slug, anchor);
  }
  return anchors;
}

export interface BookHtmlOptions {
  /** This page's anchor (bookAnchor). */
  anchor: string;
  /** The site's base path, `/` or `/runbooks/`: links to `${base}runbooks/<slug>/` are links to other pages. */
  base: string;
  /** Every page of the book, slug → anchor. Links to pages not in the book are left alone. */
  anchors: ReadonlyMap<string, string>;
}

/** Attributes that hold one id, or a space-separated list of ids, of the same document. */
const ID_ATTRIBUTES = new Set(['id']);
const IDREF_ATTRIBUTES = new Set(['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-details', 'aria-errormessage', 'headers']);

// A start tag, attribute values quoted or not (a `>` inside a quoted value does not end the tag). Text never
// holds a raw `<` in serialised HTML (it is `&lt;`), so what this matches is markup, never code-block text.
const START_TAG = /<[A-Za-z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;
const ATTRIBUTE = /(\s+)([^\s"'>/=]+)(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)/g;

/**
 * One page's rendered HTML made fit for the book: ids prefixed with the page's anchor, references to them
 * (`href="#x"`, `for`, `aria-*`) following, and links to other pages of the site turned into links within the book:
 *
 * `<h2 id="impact">` → `<h2 id="rb-db--cpu/impact">`; `<a href="#impact">` → `<a href="#rb-db--cpu/impact">`;
 * `<a href="/runbooks/db/latency/#diagnosis">` → `<a href="#rb-db--latency/diagnosis">`.
 */
export function bookHtml(html: string, options: BookHtmlOptions): string {
  const { anchor, base, anchors } = options;
  const pagePrefix = `${base}runbooks/`;
  const rewriteHref = (href: string): string => {
    if (href.startsWith('#')) return href.length > 1 ? `#${bookId(anchor, href.slice(1))}` : href;
    if (!href.startsWith(pagePrefix)) return href;
    const [path = '', fragment] = href.slice(pagePrefix.length).split('#', 2);
    const target = anchors.get(path.replace(/\/$/, ''));
    if (target === undefined) return href;
    return fragment ? `#${bookId(target, fragment)}` : `#${target}`;
  };
  return html.replace(START_TAG, (tag) =>
    tag.replace(ATTRIBUTE, (whole, space: string, name: string, equals: string, quoted: string) => {
      const attribute = name.toLowerCase();
      const isQuoted = quoted.startsWith('"') || quoted.startsWith("'");
      const value = isQuoted ? quoted.slice(1, -1) : quoted;
      // An unquoted value gets quotes: the prefix adds a `/`, which must not read as the end of a tag.
      const quote = isQuoted ? quoted[0]! : '"';
      let next: string;
      if (ID_ATTRIBUTES.has(attribute)) next = value && bookId(anchor, value);
      else if (IDREF_ATTRIBUTES.has(attribute))
        next = value
          .split(/\s+/)
          .map((id) => (id ? bookId(anchor, id) : id))
          .join(' ');
      else if (attribute === 'href' || attribute === 'xlink:href') next = rewriteHref(value);
      else return whole;
      return `${space}${name}${equals}${quote}${next}${quote}`;
    }),
  );
}
