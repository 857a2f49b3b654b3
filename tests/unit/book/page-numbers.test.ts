import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pagesMoved } from '../../../src/lib/book/page-numbers.ts';

describe('book page numbers', () => {
  test('moved sections are listed; none when the printings agree', () => {
    assert.deepEqual(pagesMoved({ a: 5, b: 6 }, { a: 5, b: 6 }), []);
    assert.deepEqual(pagesMoved({ a: 5, b: 6 }, { a: 5, b: 7 }), ['#b: page 6 → 7']);
  });
});
