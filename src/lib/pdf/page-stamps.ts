/**
 * The running footer's "page N of M" for a book printed in parts. Each part counts its own pages, so the parts are
 * printed without the number and a document of blank sheets carrying only the numbers is laid over the whole
 * book (qpdf `--overlay`). Each sheet is a named page whose bottom-right margin box holds its number: the same box,
 * font and margins as the book's own footer (src/layouts/Book.astro), so the numbers sit where a single-document
 * print would put them. Chromium's `counter-reset` on `@page` does not carry over to later pages, hence a rule each.
 */

/** Declarations of the book's footer box (src/layouts/Book.astro `@bottom-right`), less its content. */
export const FOOTER_BOX = 'font: 7.5pt system-ui, sans-serif; color: #333;';

/** A document of `last - first + 1` sheets numbered `first` to `last` of `total` (pages counted from 1). */
export function footerStamps(first: number, last: number, total: number): string {
  const numbers = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const rules = numbers.map((number) => `@page n${number} { @bottom-right { content: "page ${number} of ${total}"; ${FOOTER_BOX} } }`).join('\n');
  const sheets = numbers.map((number) => `<div style="page: n${number}"></div>`).join('');
  return `<!doctype html><html><head><style>body { margin: 0; } div { height: 1px; }\n${rules}</style></head><body>${sheets}</body></html>`;
}
