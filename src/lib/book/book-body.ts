/**
 * The book is not rendered twice. The build renders each runbook once, for its page, and writes the book (`/book/`)
 * as a frame: cover, contents, alert index and each page's header, with a slot where the page's body goes.
 * `npm run pdf` fills the slots from the built pages (src/node/book-source.ts) and prints the result, so the build
 * does not compile and render a thousand runbooks a second time for a document only the printer reads.
 *
 * The markers are HTML comments the page layouts write with `set:html`, so Astro neither escapes nor scopes them.
 */
import { bookAnchors, bookHtml } from './book-html.ts';

/** Around a runbook page's rendered body (layouts/Runbook.astro): what the book copies. */
export const PAGE_BODY_START = '<!--runbooks:body-->';
export const PAGE_BODY_END = '<!--/runbooks:body-->';

/** Where a page's body goes in the book frame (components/BookPage.astro). Slugs hold no `"` (isValidSlug). */
export function bookBodySlot(slug: string): string {
  return `<!--runbooks:book-body slug="${slug}"-->`;
}

const SLOT = /<!--runbooks:book-body slug="([^"]*)"-->/g;

/**
 * Shown by the frame on screen, gone once filled: someone who opens `/book/` of a build sees why the pages are
 * empty instead of a broken book.
 */
export const FRAME_NOTE =
  '<p class="book-frame-note" role="note">This is the frame of the printable book: <code>npm run pdf</code> fills in every page and prints it.</p>';

/** The slugs whose bodies a frame asks for, in book order. */
export function bookSlots(frame: string): string[] {
  return [...frame.matchAll(SLOT)].map((match) => match[1]!);
}

/**
 * The body of one built runbook page: what lies between its markers. Content comes after the start marker and
 * before the end marker, so the first start and the last end are the layout's own even if a page's raw HTML
 * repeats them.
 */
export function pageBody(pageHtml: string): string | undefined {
  const start = pageHtml.indexOf(PAGE_BODY_START);
  const end = pageHtml.lastIndexOf(PAGE_BODY_END);
  if (start === -1 || end < start) return undefined;
  return pageHtml.slice(start + PAGE_BODY_START.length, end);
}

/**
 * The frame with every slot filled: each page's body made fit for the book (bookHtml: ids prefixed, links between
 * pages turned into links within the book). `bodyOf` gives a page's body by slug. A part of the book (splitFrame)
 * passes the whole book's `anchors`, so that its links to pages printed in other parts still point into the book.
 * `site` (the frame's `data-site`) is where links to pages not in the book go, a team's book linking to another
 * service's runbook; without it they become plain text saying where the page is (notInBook).
 */
export function fillBook(frame: string, base: string, bodyOf: (slug: string) => string, anchors = bookAnchors(bookSlots(frame)), site?: string): string {
  return frame.replace(FRAME_NOTE, '').replace(SLOT, (_slot, slug: string) => bookHtml(bodyOf(slug), { anchor: anchors.get(slug)!, anchors, base, site }));
}

/**
 * Where the frame's front matter (cover, contents, alert index) starts, where each page's section starts, and
 * where the pages end (src/pages/book.astro). They let `npm run pdf` print the book in parts: Chromium's cost of
 * printing one document grows faster than the document (see src/node/print-book.ts).
 */
export const FRONT_START = '<!--runbooks:book-front-->';
export const BOOK_PAGE_START = '<!--runbooks:book-page-->';
export const BOOK_PAGES_END = '<!--/runbooks:book-pages-->';

/** A book frame cut at its markers: `head + front + pages.join('') + tail` is the frame without them. */
export interface FrameParts {
  /** From the start of the document to the front matter: `<head>`, styles, the opening of `<main>`. */
  head: string;
  front: string;
  /** Each page's section, in book order. */
  pages: string[];
  /** From the end of the pages to the end of the document: the closing of `<main>`, the scripts. */
  tail: string;
}

/**
 * Cuts a frame at its markers. Only the frame is cut, before any page's body is filled in: a runbook that writes
 * a marker in its raw HTML cannot move a cut.
 */
export function splitFrame(frame: string): FrameParts {
  const front = frame.indexOf(FRONT_START);
  const end = frame.indexOf(BOOK_PAGES_END);
  if (front === -1 || end === -1 || end < front) throw new Error('the built book has no part markers (an older build?): rebuild the site');
  const [frontMatter = '', ...pages] = frame.slice(front + FRONT_START.length, end).split(BOOK_PAGE_START);
  return { head: frame.slice(0, front), front: frontMatter, pages, tail: frame.slice(end + BOOK_PAGES_END.length) };
}
