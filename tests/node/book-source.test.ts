import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { bookBodySlot, PAGE_BODY_END, PAGE_BODY_START } from '../../src/lib/book/book-body.ts';
import { readBookSource } from '../../src/node/book-source.ts';

/** A build folder with a book frame asking for `slugs`, and built pages for `built` of them. */
function build(slugs: string[], built: string[], t: { after(fn: () => void): void }): string {
  const out = mkdtempSync(join(tmpdir(), 'book-source-'));
  t.after(() => rmSync(out, { recursive: true, force: true }));
  mkdirSync(join(out, 'book'));
  const slots = slugs.map((slug) => `<section>${bookBodySlot(slug)}</section>`).join('');
  writeFileSync(
    join(out, 'book', 'index.html'),
    `<html data-base="/">${slots}<script type="application/json" id="book-environments">{"production":"Production"}</script></html>`,
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
    assert.match(book.html, /<section><p>db\/cpu<\/p><\/section><section><p>db\/disk<\/p><\/section>/);
  });

  test('a page the frame lists but the build lacks is named, with what to do', (t) => {
    const out = build(['db/cpu', 'db/disk'], ['db/cpu'], t);
    const page = relative(process.cwd(), join(out, 'runbooks', 'db', 'disk', 'index.html'));
    assert.throws(() => readBookSource(out), { message: `${page} is missing, but the book lists db/disk: rebuild the site` });
  });

  test('a slug that would leave the build is refused, not read', (t) => {
    const out = build(['db/../../secret'], [], t);
    assert.throws(() => readBookSource(out), /asks for the page "db\/\.\.\/\.\.\/secret", which is not a valid slug: rebuild the site$/);
  });

  test('a build without a book says to build', (t) => {
    const out = mkdtempSync(join(tmpdir(), 'book-source-'));
    t.after(() => rmSync(out, { recursive: true, force: true }));
    assert.throws(() => readBookSource(out), /has no book \(.*book\/index\.html\): run "npm run build" first$/);
  });
});
