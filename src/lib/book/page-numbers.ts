/**
 * Page numbers for the book's contents and alert index. Chromium cannot lay out `target-counter()`, so the PDF tool
 * prints the front matter once, learns from every part's named destinations on which page each section starts,
 * writes the numbers into the page and prints the front matter again (src/node/print-book.ts). The numbers sit in
 * fixed-width boxes, so writing them must not move anything; pagesMoved checks that it did not.
 */

/** One line per destination whose page differs between two printings: `#rb-db--cpu: page 12 → 13`. */
export function pagesMoved(before: Readonly<Record<string, number>>, after: Readonly<Record<string, number>>): string[] {
  return Object.keys(before)
    .filter((anchor) => before[anchor] !== after[anchor])
    .map((anchor) => `#${anchor}: page ${before[anchor]} → ${after[anchor] ?? 'none'}`);
}
