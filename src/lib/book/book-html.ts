import { absoluteUrl } from '../web/urls.ts';

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
  for (const slug of slugs) anchors.set(slug, bookAnchor(slug));
  const [shared] = sharedAnchors(anchors.keys());
  if (shared) throw new Error(`pages "${shared.first}" and "${shared.slug}" would share the book anchor #${shared.anchor}`);
  return anchors;
}

/**
 * Each page whose anchor an earlier page already has: `db--x/y` and `db/x--y` are both `#rb-db--x--y`. Only file
 * names that are not slugs can collide (a slug holds no `--`); `npm run check` reports them (checks/files.ts), so
 * the book never meets two.
 */
export function sharedAnchors(slugs: Iterable<string>): { slug: string; first: string; anchor: string }[] {
  const owners = new Map<string, string>();
  const shared: { slug: string; first: string; anchor: string }[] = [];
  for (const slug of slugs) {
    const anchor = bookAnchor(slug);
    const first = owners.get(anchor);
    if (first === undefined) owners.set(anchor, slug);
    else if (first !== slug) shared.push({ slug, first, anchor });
  }
  return shared;
}

export interface BookHtmlOptions {
  /** This page's anchor (bookAnchor). */
  anchor: string;
  /** The site's base path, `/` or `/runbooks/`: links to `${base}runbooks/<slug>/` are links to other pages. */
  base: string;
  /** Every page of the book, slug → anchor. Links to other pages become notInBook links. */
  anchors: ReadonlyMap<string, string>;
  /** The site's public URL (RUNBOOKS_SITE, the frame's `data-site`), if the build knew it: where notInBook links go. */
  site?: string | undefined;
}

/**
 * A link to a page that is not in this book (a team's book naming another service's runbook) cannot point into
 * the document. With the site's URL it points at the page on the site (`href`); without, it has no address to
 * follow and becomes plain text (an `<a>` without `href`), and `path` says where the page is. Either way the link
 * carries `data-not-in-book`, after which print.css writes "(not in this book: …)" on paper.
 */
export function notInBook(path: string, site: string | undefined, suffix = ''): { href: string } | { path: string } {
  // Resolved as the sitemap resolves its paths: a site URL with a path of its own (`https://host/docs`, base `/docs/`)
  // does not get the base twice.
  return site ? { href: `${absoluteUrl(path, site)}${suffix}` } : { path };
}

/** Attributes that hold one id, or a space-separated list of ids, of the same document. */
const ID_ATTRIBUTES = new Set(['id']);
const IDREF_ATTRIBUTES = new Set(['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-details', 'aria-errormessage', 'headers']);

// A page link's target: the slug, then any query and fragment, which a link to the page on the site keeps.
const PAGE_LINK = /^([^?#]*?)\/?(\?[^#]*)?(#[\s\S]*)?$/;

// A start tag, attribute values quoted or not (a `>` inside a quoted value does not end the tag). Text never
// holds a raw `<` in serialised HTML (it is `&lt;`), so what this matches is markup, never code-block text.
const START_TAG = /<[A-Za-z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;
const ATTRIBUTE = /(\s+)([^\s"'>/=]+)(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)/g;

/**
 * One page's rendered HTML made fit for the book: ids prefixed with the page's anchor, references to them
 * (`href="#x"`, `for`, `aria-*`) following, and links to other pages of the site turned into links within the book:
 *
 * `<h2 id="impact">` → `<h2 id="rb-db--cpu/impact">`; `<a href="#impact">` → `<a href="#rb-db--cpu/impact">`;
 * `<a href="/runbooks/db/latency/#diagnosis">` → `<a href="#rb-db--latency/diagnosis">`. A link to a page the book does
 * not hold (notInBook) → `<a href="https://site/runbooks/web/down/#x" data-not-in-book>` with the site's URL, else
 * `<a data-not-in-book="/runbooks/web/down/">`.
 */
export function bookHtml(html: string, options: BookHtmlOptions): string {
  const { anchor, base, anchors, site } = options;
  const pagePrefix = `${base}runbooks/`;
  // The link's new `href`, or where the page is on the site when the link is to lose its `href` (notInBook).
  const rewriteHref = (href: string): { href: string; notInBook?: boolean } | { path: string } => {
    if (href.startsWith('#')) return { href: href.length > 1 ? `#${bookId(anchor, href.slice(1))}` : href };
    if (!href.startsWith(pagePrefix)) return { href };
    const [path = '', fragment] = href.slice(pagePrefix.length).split('#', 2);
    const target = anchors.get(path.replace(/\/$/, ''));
    if (target !== undefined) return { href: fragment ? `#${bookId(target, fragment)}` : `#${target}` };
    const [, slug = '', query = '', hash = ''] = PAGE_LINK.exec(href.slice(pagePrefix.length)) ?? [];
    const link = notInBook(`${pagePrefix}${slug}/`, site, query + hash);
    return 'href' in link ? { href: link.href, notInBook: true } : link;
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
      else if (attribute === 'href' || attribute === 'xlink:href') {
        const link = rewriteHref(value);
        // Not in the book and no site to send the reader to: the `href` goes, the page's path stays for the note.
        if ('path' in link) return `${space}data-not-in-book=${quote}${link.path}${quote}`;
        if (link.notInBook) return `${space}${name}${equals}${quote}${link.href}${quote} data-not-in-book`;
        next = link.href;
      } else return whole;
      return `${space}${name}${equals}${quote}${next}${quote}`;
    }),
  );
}
