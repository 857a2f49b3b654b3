/**
 * One book from the PDFs of its parts. `npm run pdf` prints the front matter and runs of pages as documents of their
 * own (src/node/print-book.ts) and qpdf puts their pages one after the other; what qpdf keeps only from its first
 * input is made here for the whole book, as the objects of a qpdf JSON update (`--update-from-json`):
 *
 * - the named destinations of every part, each pointing at its page in the whole book, so that every link between
 *   parts (Chromium writes them as `/Dest /<name>`) lands;
 * - the bookmarks, one per heading, nested by level, in book order;
 * - the creation and modification dates, fixed by SOURCE_DATE_EPOCH when it is set.
 *
 * qpdf JSON writes a PDF name as `"/Name"`, a text string as `"u:text"` and a reference as `"12 0 R"`.
 */

/** A named destination of a part: `[page, "/XYZ", left, top, zoom]`, page counted from 0 within the part. */
export interface PartDestination {
  page: number;
  /** The rest of the destination array after the page, as Chromium wrote it (`["/XYZ", 0, 842.88, 0]`). */
  view: unknown[];
}

export interface PrintedPart {
  /** How many pages the part has. */
  pages: number;
  /** Its named destinations by name as qpdf JSON writes it (`/rb-db--cpu`), without those that only stand in for another part's. */
  destinations: ReadonlyMap<string, PartDestination>;
  /** Its headings in document order, each with the name of its destination. */
  headings: readonly { level: number; title: string; destination: string }[];
}

export interface OutlineItem {
  title: string;
  /** Page in the whole book, from 0. */
  page: number;
  view: unknown[];
  children: OutlineItem[];
}

/** Every part's destinations, each moved to its page in the whole book (parts in book order). */
export function bookDestinations(parts: readonly PrintedPart[]): Map<string, PartDestination> {
  const all = new Map<string, PartDestination>();
  let offset = 0;
  for (const part of parts) {
    for (const [name, destination] of part.destinations) {
      if (!all.has(name)) all.set(name, { page: offset + destination.page, view: destination.view });
    }
    offset += part.pages;
  }
  return all;
}

/**
 * The bookmarks: every heading of every part, an h2 under the h1 before it and so on, as Chromium nests them in a
 * single document. A heading whose destination is missing (it was not laid out) is left out.
 */
export function bookOutline(parts: readonly PrintedPart[], destinations: ReadonlyMap<string, PartDestination>): OutlineItem[] {
  const root: OutlineItem[] = [];
  const stack: { level: number; children: OutlineItem[] }[] = [{ level: 0, children: root }];
  for (const part of parts) {
    for (const heading of part.headings) {
      const destination = destinations.get(heading.destination);
      if (destination === undefined) continue;
      while (stack.length > 1 && stack.at(-1)!.level >= heading.level) stack.pop();
      const item: OutlineItem = { title: heading.title, page: destination.page, view: destination.view, children: [] };
      stack.at(-1)!.children.push(item);
      stack.push({ level: heading.level, children: item.children });
    }
  }
  return root;
}

export interface AssemblyInput {
  /** The merged PDF's page objects in order (`"12 0 R"`), from `qpdf --json --json-key=pages`. */
  pageObjects: readonly string[];
  /** Its catalog: reference and value as qpdf JSON writes them. */
  catalog: { ref: string; value: Record<string, unknown> };
  /** Its document information dictionary, when it has one. */
  info: { ref: string; value: Record<string, unknown> } | undefined;
  /** Its trailer: written back without the file identifier that the first part brought along (see below). */
  trailer: Record<string, unknown>;
  /** The highest object number in use: new objects are numbered after it. */
  maxObjectId: number;
  destinations: ReadonlyMap<string, PartDestination>;
  outline: readonly OutlineItem[];
  /** The date to stamp as creation and modification date (SOURCE_DATE_EPOCH), or undefined to keep Chromium's. */
  date: Date | undefined;
}

/** qpdf JSON version 2 as qpdf 11.3 (Debian 12) reads it: a header, then the objects. */
export type QpdfUpdate = {
  qpdf: [{ jsonversion: 2; pushedinheritedpageresources: false; calledgetallpages: false; maxobjectid: number }, Record<string, { value: unknown }>];
};

/** The `--update-from-json` document that gives the merged PDF the whole book's destinations, bookmarks and dates. */
export function assemblyUpdate(input: AssemblyInput): QpdfUpdate {
  const { pageObjects, catalog, info, destinations, outline, date } = input;
  const objects: Record<string, { value: unknown }> = {};
  let next = input.maxObjectId;
  const allocate = () => `${++next} 0 R`;
  const pageRef = (page: number) => {
    const ref = pageObjects[page];
    if (ref === undefined) throw new Error(`a destination points at page ${page + 1} of a book of ${pageObjects.length} pages`);
    return ref;
  };

  // One dictionary of names (the PDF 1.1 form Chromium writes), sorted so that the same book gives the same bytes.
  const destsRef = allocate();
  objects[`obj:${destsRef}`] = {
    value: Object.fromEntries(
      [...destinations].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, { page, view }]) => [name, [pageRef(page), ...view]]),
    ),
  };

  const rootValue: Record<string, unknown> = { ...catalog.value, '/Dests': destsRef };
  delete rootValue['/Outlines'];
  if (outline.length > 0) {
    const outlinesRef = allocate();
    const write = (items: readonly OutlineItem[], parent: string): { first: string; last: string; count: number } => {
      const refs = items.map(() => allocate());
      let count = 0;
      items.forEach((item, index) => {
        const value: Record<string, unknown> = {
          '/Title': `u:${item.title}`,
          '/Parent': parent,
          '/Dest': [pageRef(item.page), ...item.view],
        };
        if (index > 0) value['/Prev'] = refs[index - 1];
        if (index < items.length - 1) value['/Next'] = refs[index + 1];
        if (item.children.length > 0) {
          const children = write(item.children, refs[index]!);
          value['/First'] = children.first;
          value['/Last'] = children.last;
          // Closed: a thousand runbooks' sections open at once would bury the list of runbooks.
          value['/Count'] = -children.count;
        }
        objects[`obj:${refs[index]!}`] = { value };
        count += 1;
      });
      return { first: refs[0]!, last: refs.at(-1)!, count };
    };
    const top = write(outline, outlinesRef);
    objects[`obj:${outlinesRef}`] = { value: { '/Type': '/Outlines', '/First': top.first, '/Last': top.last, '/Count': top.count } };
    rootValue['/Outlines'] = outlinesRef;
    rootValue['/PageMode'] = '/UseOutlines';
  }
  objects[`obj:${catalog.ref}`] = { value: rootValue };

  // Chromium writes a random file identifier, and qpdf's --deterministic-id keeps the first half of an existing one:
  // without it, qpdf computes both halves from the content, and the same book gives the same bytes.
  const trailer = { ...input.trailer };
  delete trailer['/ID'];
  objects.trailer = { value: trailer };

  if (info !== undefined && date !== undefined) {
    const stamp = `u:${pdfDate(date)}`;
    objects[`obj:${info.ref}`] = { value: { ...info.value, '/CreationDate': stamp, '/ModDate': stamp } };
  }
  return { qpdf: [{ jsonversion: 2, pushedinheritedpageresources: false, calledgetallpages: false, maxobjectid: next }, objects] };
}

/** A PDF date in UTC: `D:20261129224812Z`. */
export function pdfDate(date: Date): string {
  return `D:${date
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:T]/g, '')}Z`;
}

/** The date SOURCE_DATE_EPOCH names (seconds since 1970, as reproducible-builds.org defines it), or an error. */
export function sourceDate(value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const date = new Date(Number(value) * 1000);
  // A PDF date has four digits of year.
  if (!/^\d+$/.test(value) || !(date.getUTCFullYear() <= 9999)) {
    throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 before the year 10000, got "${value}"`);
  }
  return date;
}
