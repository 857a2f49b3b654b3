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
 * pages turned into links within the book). `bodyOf` gives a page's body by slug.
 */
export function fillBook(frame: string, base: string, bodyOf: (slug: string) => string): string {
  const anchors = bookAnchors(bookSlots(frame));
  return frame.replace(FRAME_NOTE, '').replace(SLOT, (_slot, slug: string) => bookHtml(bodyOf(slug), { anchor: anchors.get(slug)!, anchors, base }));
}
