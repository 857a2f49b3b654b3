import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { BOOK_PAGE_START, BOOK_PAGES_END, bookBodySlot, FRONT_START, PAGE_BODY_END, PAGE_BODY_START } from '../../src/lib/book/book-body.ts';
import { readBookSource } from '../../src/node/book-source.ts';

/** A build folder with a book frame asking for `slugs`, and built pages for `built` of them. */
function build(slugs: string[], built: string[], t: { after(fn: () => void): void }): string {
  const out = mkdtempSync(join(tmpdir(), 'book-source-'));
  t.after(() => rmSync(out, { recursive: true, force: true }));
  mkdirSync(join(out, 'book'));
  const slots = slugs.map((slug) => `${BOOK_PAGE_START}<section>${bookBodySlot(slug)}</section>`).join('');
  writeFileSync(
    join(out, 'book', 'index.html'),
    `<html data-base="/"><main>${FRONT_START}<nav>contents</nav>${slots}${BOOK_PAGES_END}</main><script type="application/json" id="book-environments">{"production":"Production"}</script></html>`,
  );
  for (const slug of built) {
    mkdirSync(join(out, 'runbooks', slug), { recursive: true });
    writeFileSync(join(out, 'runbooks', slug, 'index.html'), `<main>${PAGE_BODY_START}<p>${slug}</p>${PAGE_BODY_END}</main>`);
  }
  return out;
}

describe('the book npm run pdf prints', () => {
  test("is the build's frame filled from the built pages", (t) => {
    const out = build(['db/cpu', 'db/disk'], ['db/cpu', 'db/disk'], t);
    const book = readBookSource(out);
    assert.deepEqual([book.base, book.environments], ['/', { production: 'Production' }]);
    assert.match(book.html, /<main><nav>contents<\/nav><section><p>db\/cpu<\/p><\/section><section><p>db\/disk<\/p><\/section><\/main>/);
  });

  test('in parts: the front matter alone, then runs of pages, each a whole document', (t) => {
    const out = build(['db/cpu', 'db/disk', 'db/lag'], ['db/cpu', 'db/disk', 'db/lag'], t);
    const book = readBookSource(out);
    const script = '<script type="application/json" id="book-environments">{"production":"Production"}</script>';
    assert.equal(book.front, `<html data-base="/"><main><nav>contents</nav></main>${script}</html>`);
    assert.deepEqual(book.parts(2), [
      {
        html: `<html data-base="/"><main><section><p>db/cpu</p></section><section><p>db/disk</p></section></main>${script}</html>`,
        slugs: ['db/cpu', 'db/disk'],
      },
      { html: `<html data-base="/"><main><section><p>db/lag</p></section></main>${script}</html>`, slugs: ['db/lag'] },
    ]);
  });

  test('a frame without part markers says to rebuild', (t) => {
    const out = build([], [], t);
    writeFileSync(join(out, 'book', 'index.html'), '<html data-base="/"><script type="application/json" id="book-environments">{}</script></html>');
    assert.throws(() => readBookSource(out), /book\/index\.html: the built book has no part markers \(an older build\?\): rebuild the site$/);
  });

  test('a page the frame lists but the build lacks is named, with what to do', (t) => {
    const out = build(['db/cpu', 'db/disk'], ['db/cpu'], t);
    const page = relative(process.cwd(), join(out, 'runbooks', 'db', 'disk', 'index.html'));
    // The bodies are read when a document is asked for, before anything is printed.
    assert.throws(() => readBookSource(out).html, { message: `${page} is missing, but the book lists db/disk: rebuild the site` });
  });

  test('a slug that would leave the build is refused, not read', (t) => {
    const out = build(['db/../../secret'], [], t);
    assert.throws(() => readBookSource(out).html, /asks for the page "db\/\.\.\/\.\.\/secret", which is not a valid slug: rebuild the site$/);
  });

  test('a build without a book says to build', (t) => {
    const out = mkdtempSync(join(tmpdir(), 'book-source-'));
    t.after(() => rmSync(out, { recursive: true, force: true }));
    assert.throws(() => readBookSource(out), /has no book \(.*book\/index\.html\): run "npm run build" first$/);
  });
});
