import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readBuiltBook } from '../../../src/lib/book/built-book.ts';

describe('a built book', () => {
  test('base path, environments and commit, with < escaped as the build writes it', () => {
    const html =
      '<!doctype html><html lang="en" data-base="/docs/" data-commit="0a46533d002e-dirty"><main></main><script type="application/json" id="book-environments">{"production":"Production \\u003cEU>"}</script>';
    assert.deepEqual(readBuiltBook(html), {
      base: '/docs/',
      environments: { production: 'Production <EU>' },
      commit: '0a46533d002e-dirty',
      site: undefined,
      service: undefined,
      services: {},
    });
  });

  test('no data-commit, data-site or #book-services: the build knew no commit or site, and is older than service books', () => {
    const html = '<html lang="en" data-base="/"><script type="application/json" id="book-environments">{}</script>';
    assert.deepEqual(readBuiltBook(html), { base: '/', environments: {}, commit: undefined, site: undefined, service: undefined, services: {} });
  });

  test("a team's book: its service, the site it belongs to, and every service that has a book", () => {
    const html =
      '<!doctype html><html lang="en" data-base="/runbooks/" data-site="https://ops.example.com" data-service="architect-api">' +
      '<script type="application/json" id="book-environments">{"production":"Production"}</script>' +
      '<script type="application/json" id="placeholder-values">{}</script>' +
      '<script type="application/json" id="book-services">{"architect-api":"Architect \\u003cAPI>","insights":"Insights"}</script>';
    const book = readBuiltBook(html);
    assert.deepEqual(
      [book.site, book.service, book.services],
      ['https://ops.example.com', 'architect-api', { 'architect-api': 'Architect <API>', insights: 'Insights' }],
    );
  });

  test('a site URL with a query reads back as it was, entities and all', () => {
    const html =
      '<html data-base="/" data-site="https://ops.example.com/?a=1&amp;b=&quot;2&quot;"><script type="application/json" id="book-environments">{}</script>';
    assert.equal(readBuiltBook(html).site, 'https://ops.example.com/?a=1&b="2"');
  });

  test('the whole book names no service of its own, but lists those with books', () => {
    const html =
      '<html data-base="/"><script type="application/json" id="book-environments">{}</script><script type="application/json" id="book-services">{"db":"Database"}</script>';
    assert.deepEqual([readBuiltBook(html).service, readBuiltBook(html).services], [undefined, { db: 'Database' }]);
  });

  test('a commit set through RUNBOOKS_COMMIT reads back as it was, entities and all', () => {
    const html =
      '<html data-commit="release &quot;7&quot; &amp;lt;rc&gt; it&#39;s" data-base="/"><script type="application/json" id="book-environments">{}</script>';
    assert.equal(readBuiltBook(html).commit, 'release "7" &lt;rc> it\'s');
  });

  test('only the attributes of <html> count, not text of the book that looks like them', () => {
    const html =
      '<html lang="en" data-base="/"><p> data-commit="abc" data-site="https://x.example" data-service="db"</p><section data-service="db"></section>' +
      '<script type="application/json" id="book-environments">{}</script>';
    const book = readBuiltBook(html);
    assert.deepEqual([book.commit, book.site, book.service], [undefined, undefined, undefined]);
  });

  test('a book built before these existed asks for a rebuild', () => {
    assert.throws(() => readBuiltBook('<html lang="en"><main></main>'), {
      message: 'the built book is not one this tool knows (no data-base or #book-environments): rebuild the site',
    });
  });
});
