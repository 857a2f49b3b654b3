/**
 * Parsers for what Debian's poppler-utils print about a PDF: `pdfinfo` (page count) and `pdfinfo -dests` (named
 * destinations: every link target of the book, with its page). The PDF tool reads page numbers back with these.
 */

/** `Pages:           42` in `pdfinfo` output. */
export function parsePageCount(pdfinfo: string): number {
  const match = /^Pages:\s+(\d+)\s*$/m.exec(pdfinfo);
  if (!match) throw new Error(`pdfinfo printed no page count:\n${pdfinfo.slice(0, 500)}`);
  return Number(match[1]);
}

/**
 * `pdfinfo -dests` lists one destination a line: `   2 [ XYZ    6  827 null      ] "rb-db--cpu"`.
 * Chromium writes one for every element some link points at, named after its id.
 */
export function parseDestinations(output: string): Map<string, number> {
  const destinations = new Map<string, number>();
  for (const line of output.split('\n')) {
    const match = /^\s*(\d+)\s+\[[^\]]*\]\s+"(.*)"\s*$/.exec(line);
    if (match) destinations.set(match[2]!, Number(match[1]));
  }
  return destinations;
}
