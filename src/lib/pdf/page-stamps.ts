/**
 * The running footer's "page N of M" for a book printed in parts. Each part counts its own pages, so the parts are
 * printed without the number and documents of blank sheets carrying only the numbers are laid over the whole book
 * (qpdf `--overlay`). Each sheet's bottom-right margin box holds its number: the same box, font and margins as the
 * book's own footer (src/layouts/Book.astro), so the numbers sit where a single-document print would put them.
 *
 * A document's first sheet starts at its number with `counter-increment` on `@page :first`, which Chromium carries
 * to the sheets after it (`counter-reset` there does not carry). One rule for all sheets: a named `@page` rule per
 * sheet printed 2.5 times slower.
 */

/** Declarations of the book's footer box (src/layouts/Book.astro `@bottom-right`), less its content. */
export const FOOTER_BOX = 'font: 7.5pt system-ui, sans-serif; color: #333;';

/** A document of `last - first + 1` sheets numbered `first` to `last` of `total` (pages counted from 1). */
export function footerStamps(first: number, last: number, total: number): string {
  const rules = [
    'body { margin: 0; }',
    // One sheet per div; a break after the last one adds no sheet.
    'div { height: 1px; break-after: page; }',
    `@page { @bottom-right { content: "page " counter(page) " of ${total}"; ${FOOTER_BOX} } }`,
    // The page counter starts at 0 and the first sheet's increment replaces the usual 1.
    `@page :first { counter-increment: page ${first}; }`,
  ];
  const sheets = '<div></div>'.repeat(last - first + 1);
  return `<!doctype html><html><head><style>${rules.join('\n')}</style></head><body>${sheets}</body></html>`;
}
