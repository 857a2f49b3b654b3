import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readBuiltBook } from '../../../src/lib/book/built-book.ts';

describe('a built book', () => {
  test('base path, environments and commit, with < escaped as the build writes it', () => {
    const html =
      '<!doctype html><html lang="en" data-base="/docs/" data-commit="0a46533d002e-dirty"><main></main><script type="application/json" id="book-environments">{"production":"Production \\u003cEU>"}</script>';
    assert.deepEqual(readBuiltBook(html), { base: '/docs/', environments: { production: 'Production <EU>' }, commit: '0a46533d002e-dirty' });
  });

  test('no data-commit: the build did not know its commit', () => {
    const html = '<html lang="en" data-base="/"><script type="application/json" id="book-environments">{}</script>';
    assert.deepEqual(readBuiltBook(html), { base: '/', environments: {}, commit: undefined });
  });

  test('a commit set through RUNBOOKS_COMMIT reads back as it was, entities and all', () => {
    const html =
      '<html data-commit="release &quot;7&quot; &amp;lt;rc&gt; it&#39;s" data-base="/"><script type="application/json" id="book-environments">{}</script>';
    assert.equal(readBuiltBook(html).commit, 'release "7" &lt;rc> it\'s');
  });

  test('only the attributes of <html> count, not text of the book that looks like them', () => {
    const html = '<html lang="en" data-base="/"><p> data-commit="abc"</p><script type="application/json" id="book-environments">{}</script>';
    assert.equal(readBuiltBook(html).commit, undefined);
  });

  test('a book built before these existed asks for a rebuild', () => {
    assert.throws(() => readBuiltBook('<html lang="en"><main></main>'), {
      message: 'the built book is not one this tool knows (no data-base or #book-environments): rebuild the site',
    });
  });
});
