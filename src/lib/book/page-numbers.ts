/**
 * Page numbers for the book's contents and alert index. Chromium cannot lay out `target-counter()`, so the PDF tool
 * prints once, reads back on which page each section starts (the PDF's named destinations, one per link target),
 * writes the numbers into the page and prints again. The numbers sit in fixed-width boxes, so writing them must
 * not move anything; pagesMoved checks that it did not.
 */

/** `{ anchor → page }` for every anchor, or an error naming the anchors the PDF has no destination for. */
export function sectionPages(destinations: ReadonlyMap<string, number>, anchors: readonly string[]): Record<string, number> {
  const missing = anchors.filter((anchor) => !destinations.has(anchor));
  if (missing.length > 0) {
    throw new Error(
      `the PDF has no destination for ${missing.length} section(s): ${missing
        .slice(0, 5)
        .map((anchor) => `#${anchor}`)
        .join(', ')}${missing.length > 5 ? ', …' : ''}`,
    );
  }
  return Object.fromEntries(anchors.map((anchor) => [anchor, destinations.get(anchor)!]));
}

/** One line per section whose page differs between two printings: `#rb-db--cpu: page 12 → 13`. */
export function pagesMoved(before: Readonly<Record<string, number>>, after: Readonly<Record<string, number>>): string[] {
  return Object.keys(before)
    .filter((anchor) => before[anchor] !== after[anchor])
    .map((anchor) => `#${anchor}: page ${before[anchor]} → ${after[anchor] ?? 'none'}`);
}
