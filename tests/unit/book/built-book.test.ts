import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readBuiltBook } from '../../../src/lib/book/built-book.ts';

describe('a built book', () => {
  test('base path and environments, with < escaped as the build writes it', () => {
    const html =
      '<!doctype html><html lang="en" data-base="/docs/"><main></main><script type="application/json" id="book-environments">{"production":"Production \\u003cEU>"}</script>';
    assert.deepEqual(readBuiltBook(html), { base: '/docs/', environments: { production: 'Production <EU>' } });
  });

  test('a book built before these existed asks for a rebuild', () => {
    assert.throws(() => readBuiltBook('<html lang="en"><main></main>'), {
      message: 'the built book is not one this tool knows (no data-base or #book-environments): rebuild the site',
    });
  });
});
