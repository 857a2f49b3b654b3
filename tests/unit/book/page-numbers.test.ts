import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pagesMoved, sectionPages } from '../../../src/lib/book/page-numbers.ts';

describe('book page numbers', () => {
  const destinations = new Map([
    ['alert-index', 5],
    ['rb-a--x', 6],
    ['rb-a--y', 9],
  ]);

  test('one number per anchor, from the named destinations', () => {
    assert.deepEqual(sectionPages(destinations, ['alert-index', 'rb-a--y']), { 'alert-index': 5, 'rb-a--y': 9 });
  });

  test('an anchor the PDF has no destination for is an error naming it', () => {
    assert.throws(() => sectionPages(destinations, ['rb-a--x', 'rb-b--z']), { message: 'the PDF has no destination for 1 section(s): #rb-b--z' });
  });

  test('moved sections are listed; none when the printings agree', () => {
    assert.deepEqual(pagesMoved({ a: 5, b: 6 }, { a: 5, b: 6 }), []);
    assert.deepEqual(pagesMoved({ a: 5, b: 6 }, { a: 5, b: 7 }), ['#b: page 6 → 7']);
  });
});
