/**
 * The bookmarks of a PDF as poppler's `pdftohtml -xml` prints them: how the PDF tests read the outline back.
 */

export interface OutlineItem {
  title: string;
  /** 1-based page the bookmark opens, when poppler could resolve it. */
  page: number | undefined;
  children: OutlineItem[];
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (whole, decimal?: string, hex?: string, name?: string) => {
    if (decimal) return String.fromCodePoint(Number(decimal));
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    return XML_ENTITIES[name!] ?? whole;
  });
}

/**
 * The bookmarks in `pdftohtml -xml` output, as a tree. pdftohtml writes a nested `<outline>` right after the
 * `<item>` it belongs to:
 * `<outline><item page="2">Alpha</item><outline><item page="2">One</item></outline></outline>`.
 */
export function parseOutline(xml: string): OutlineItem[] {
  const start = xml.indexOf('<outline>');
  if (start === -1) return [];
  const root: OutlineItem[] = [];
  const stack: OutlineItem[][] = [];
  let current = root;
  let last: OutlineItem | undefined;
  const token = /<outline>|<\/outline>|<item(?:\s+page="(\d+)")?\s*>([\s\S]*?)<\/item>/g;
  token.lastIndex = start;
  for (let match = token.exec(xml); match; match = token.exec(xml)) {
    if (match[0] === '<outline>') {
      // The first <outline> is the root; a nested one holds the children of the item just before it.
      if (stack.length > 0) {
        if (!last) throw new Error('pdftohtml outline: a nested <outline> before any <item>');
        current = last.children;
      }
      stack.push(current);
    } else if (match[0] === '</outline>') {
      stack.pop();
      if (stack.length === 0) break;
      current = stack[stack.length - 1]!;
      last = undefined;
    } else {
      last = { title: decodeXml(match[2]!).replace(/\s+/g, ' ').trim(), page: match[1] === undefined ? undefined : Number(match[1]), children: [] };
      current.push(last);
    }
  }
  return root;
}

/** Every item of the outline, depth first, with its depth (0 for the top level). */
export function flattenOutline(items: readonly OutlineItem[], depth = 0): { item: OutlineItem; depth: number }[] {
  return items.flatMap((item) => [{ item, depth }, ...flattenOutline(item.children, depth + 1)]);
}
