import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fillBook, pageBody } from '../lib/book/book-body.ts';
import { type BuiltBook, readBuiltBook } from '../lib/book/built-book.ts';
import { isValidSlug } from '../lib/content/page-slug.ts';

export interface BookSource extends BuiltBook {
  /** The whole book as one HTML document: the built frame with every page's body filled in (lib/book/book-body.ts). */
  html: string;
}

/**
 * The printable book of the build in `outDir`: `book/index.html` (the frame the build writes) filled from the built
 * runbook pages. Errors name the file and say to rebuild: a build that is incomplete, or older than this tool.
 */
export function readBookSource(outDir: string): BookSource {
  const shown = (path: string) => relative(process.cwd(), path) || '.';
  const frameFile = join(outDir, 'book', 'index.html');
  if (!existsSync(frameFile)) throw new Error(`${shown(outDir)}/ has no book (${shown(frameFile)}): run "npm run build" first`);
  const frame = readFileSync(frameFile, 'utf8');
  let built: BuiltBook;
  try {
    built = readBuiltBook(frame);
  } catch (error) {
    throw new Error(`${shown(frameFile)}: ${(error as Error).message}`, { cause: error });
  }
  const html = fillBook(frame, built.base, (slug) => {
    // The frame is the build's own, but a slug still never walks out of the build.
    if (!isValidSlug(slug)) throw new Error(`${shown(frameFile)} asks for the page "${slug}", which is not a valid slug: rebuild the site`);
    const file = join(outDir, 'runbooks', ...slug.split('/'), 'index.html');
    if (!existsSync(file)) throw new Error(`${shown(file)} is missing, but the book lists ${slug}: rebuild the site`);
    const body = pageBody(readFileSync(file, 'utf8'));
    if (body === undefined) throw new Error(`${shown(file)} has no body markers (an older build?): rebuild the site`);
    return body;
  });
  return { ...built, html };
}
