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

/** What a stamps document prints: its sheets' page names in order, and each named page's bottom-right box. */
function readStamps(html: string): { sheets: string[]; boxes: Map<string, string> } {
  const sheets = [...html.matchAll(/<div style="page: (\w+)"><\/div>/g)].map((match) => match[1]!);
  const boxes = new Map<string, string>();
  for (const [, name, box] of html.matchAll(/@page (\w+) \{ @bottom-right \{ ([^}]*) \} \}/g)) {
    assert.equal(boxes.has(name!), false, `@page ${name} is defined twice`);
    boxes.set(name!, box!);
  }
  return { sheets, boxes };
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
    test(`for pages ${first} to ${last} of ${total}: one sheet a page, each numbered "page N of ${total}"`, () => {
      const { sheets, boxes } = readStamps(footerStamps(first, last, total));
      assert.equal(sheets.length, last - first + 1);
      assert.equal(boxes.size, sheets.length);
      sheets.forEach((sheet, index) => {
        const number = first + index;
        const box = boxes.get(sheet);
        assert.ok(box !== undefined, `sheet ${number} (page ${sheet}) has no @page rule`);
        assert.deepEqual(declarations(box), [`content: "page ${number} of ${total}"`, ...declarations(FOOTER_BOX)]);
      });
    });
  }

  test('is a whole HTML document with no margin of its own', () => {
    const html = footerStamps(1, 2, 2);
    assert.match(html, /^<!doctype html><html><head><style>/);
    assert.match(html, /<\/body><\/html>$/);
    assert.match(html, /body \{ margin: 0; \}/);
  });

  test('carry nothing but the number: the sheets are empty', () => {
    const body = /<body>(.*)<\/body>/s.exec(footerStamps(3, 5, 9))![1]!;
    assert.equal(body.replace(/<div style="page: n\d+"><\/div>/g, ''), '');
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
