import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { FOOTER_BOX, footerStamps } from '../../../src/lib/pdf/page-stamps.ts';

/** `a: b; c: d;` as its declarations, each trimmed. */
const declarations = (text: string): string[] =>
  text
    .split(';')
    .map((declaration) => declaration.trim())
    .filter((declaration) => declaration !== '');

/**
 * What a stamps document prints, read from its HTML: how many sheets, the bottom-right box of every page, and the
 * number the first sheet's counter starts at. tests/build/large-book.test.ts reads the numbers back from a real PDF.
 */
function readStamps(html: string): { sheets: number; box: string[]; first: number | undefined; sheetRule: string[] } {
  const style = /<style>(.*)<\/style>/s.exec(html)![1]!;
  const pageRules = [...style.matchAll(/@page\s*([^{]*)\{\s*@bottom-right\s*\{([^}]*)\}\s*\}/g)];
  assert.equal(pageRules.length, 1, 'one @page rule holds the footer');
  assert.equal(pageRules[0]![1]!.trim(), '', 'the footer rule is for every page');
  const first = /@page :first \{ counter-increment: page (\d+); \}/.exec(style)?.[1];
  const body = /<body>(.*)<\/body>/s.exec(html)![1]!;
  return {
    sheets: body.match(/<div><\/div>/g)?.length ?? 0,
    box: declarations(pageRules[0]![2]!),
    first: first === undefined ? undefined : Number(first),
    sheetRule: declarations(/(?:^|\n)div \{([^}]*)\}/.exec(style)![1]!),
  };
}

describe('the page-number stamps', () => {
  const cases: [first: number, last: number, total: number][] = [
    [1, 1, 1],
    [1, 3, 3],
    [1, 4, 10],
    [5, 10, 10],
    [998, 1000, 1000],
  ];
  for (const [first, last, total] of cases) {
    test(`for pages ${first} to ${last} of ${total}: one sheet a page, counted from ${first}, each "page N of ${total}"`, () => {
      const { sheets, box, first: start } = readStamps(footerStamps(first, last, total));
      assert.equal(sheets, last - first + 1);
      assert.equal(start, first);
      assert.deepEqual(box, [`content: "page " counter(page) " of ${total}"`, ...declarations(FOOTER_BOX)]);
    });
  }

  test('is a whole HTML document with no margin of its own, a sheet to each empty div', () => {
    const html = footerStamps(1, 2, 2);
    assert.match(html, /^<!doctype html><html><head><style>/);
    assert.match(html, /<\/body><\/html>$/);
    assert.match(html, /body \{ margin: 0; \}/);
    assert.deepEqual(readStamps(html).sheetRule, ['height: 1px', 'break-after: page']);
  });

  test('carry nothing but the number: the sheets are empty', () => {
    const body = /<body>(.*)<\/body>/s.exec(footerStamps(3, 5, 9))![1]!;
    assert.equal(body, '<div></div>'.repeat(3));
  });
});

describe("the stamps' footer box", () => {
  test("is the book's own footer box (src/layouts/Book.astro @bottom-right) less its content", () => {
    const layout = readFileSync(new URL('../../../src/layouts/Book.astro', import.meta.url), 'utf8');
    const rules = [...layout.matchAll(/@bottom-right\s*\{([^}]*)\}/g)];
    assert.equal(rules.length, 1, 'Book.astro has one @bottom-right rule');
    const book = declarations(rules[0]![1]!).filter((declaration) => !/^content\s*:/.test(declaration));
    assert.ok(book.length > 0);
    assert.deepEqual(declarations(FOOTER_BOX), book);
  });
});
