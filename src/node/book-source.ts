import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bookSlots, type FrameParts, fillBook, pageBody, splitFrame } from '../lib/book/book-body.ts';
import { bookAnchors } from '../lib/book/book-html.ts';
import { type BuiltBook, readBuiltBook } from '../lib/book/built-book.ts';
import { isValidSlug } from '../lib/content/page-slug.ts';

export interface BookPart {
  html: string;
  /** The pages it holds, in book order: what an error about the part names. */
  slugs: string[];
}

export interface BookSource extends BuiltBook {
  /** The whole book as one HTML document: the built frame with every page's body filled in (lib/book/book-body.ts). */
  html: string;
  /** The cover, contents and alert index as a document of their own, filled in as `html` is. */
  front: string;
  /** The pages in book order as documents of at most `perPart` pages each, filled in as `html` is, with their slugs. */
  parts(perPart: number): BookPart[];
}

/**
 * The printable book of the build in `outDir`: `book/index.html` (the frame the build writes), or with `service`
 * that team's own book (`book/services/<service>/index.html`), filled from the built runbook pages. Errors name the
 * file and say to rebuild: a build that is incomplete, or older than this tool. The documents are filled when asked
 * for: the PDF tool prints parts, the browser tests show the whole.
 */
export function readBookSource(outDir: string, service?: string): BookSource {
  const shown = (path: string) => relative(process.cwd(), path) || '.';
  const frameFile = service === undefined ? join(outDir, 'book', 'index.html') : join(outDir, 'book', 'services', service, 'index.html');
  if (!existsSync(frameFile)) throw new Error(`${shown(outDir)}/ has no book (${shown(frameFile)}): run "npm run build" first`);
  const frame = readFileSync(frameFile, 'utf8');
  let built: BuiltBook;
  let cut: FrameParts;
  try {
    built = readBuiltBook(frame);
    cut = splitFrame(frame);
  } catch (error) {
    throw new Error(`${shown(frameFile)}: ${(error as Error).message}`, { cause: error });
  }
  const bodies = new Map<string, string>();
  const bodyOf = (slug: string) => {
    let body = bodies.get(slug);
    if (body !== undefined) return body;
    // The frame is the build's own, but a slug still never walks out of the build.
    if (!isValidSlug(slug)) throw new Error(`${shown(frameFile)} asks for the page "${slug}", which is not a valid slug: rebuild the site`);
    const file = join(outDir, 'runbooks', ...slug.split('/'), 'index.html');
    if (!existsSync(file)) throw new Error(`${shown(file)} is missing, but the book lists ${slug}: rebuild the site`);
    body = pageBody(readFileSync(file, 'utf8'));
    if (body === undefined) throw new Error(`${shown(file)} has no body markers (an older build?): rebuild the site`);
    bodies.set(slug, body);
    return body;
  };
  // One map for every document: a part's links to pages printed in another part still point into the book.
  const anchors = bookAnchors(bookSlots(frame));
  // Links to pages of other books (a team's book) go to the site when the build knows its address.
  const fill = (pages: readonly string[], front = '') => fillBook(cut.head + front + pages.join('') + cut.tail, built.base, bodyOf, anchors, built.site);
  let html: string | undefined;
  let front: string | undefined;
  return {
    ...built,
    get html() {
      html ??= fill(cut.pages, cut.front);
      return html;
    },
    get front() {
      front ??= fill([], cut.front);
      return front;
    },
    parts: (perPart) => {
      const parts: BookPart[] = [];
      for (let start = 0; start < cut.pages.length; start += perPart) {
        const pages = cut.pages.slice(start, start + perPart);
        parts.push({ html: fill(pages), slugs: bookSlots(pages.join('')) });
      }
      return parts;
    },
  };
}
