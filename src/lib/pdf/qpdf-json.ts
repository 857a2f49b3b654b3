/**
 * What `npm run pdf` reads from `qpdf --json --json-key=pages --json-key=qpdf` (qpdf JSON version 2): the page
 * objects in order, the catalog, the document information and the named destinations. Names are written `"/name"`,
 * references `"12 0 R"`.
 */
import type { PartDestination } from './assembly.ts';

interface QpdfJson {
  pages: { object: string }[];
  qpdf: [{ maxobjectid: number }, Record<string, { value?: unknown }>];
}

export interface PdfObjects {
  pageObjects: string[];
  maxObjectId: number;
  catalog: { ref: string; value: Record<string, unknown> };
  info: { ref: string; value: Record<string, unknown> } | undefined;
  /** The trailer dictionary. */
  trailer: Record<string, unknown>;
  /** The catalog's `/Dests` dictionary (the form Chromium writes), name → destination array. */
  dests: Record<string, unknown[]>;
}

/** The trailer alone, from qpdf's JSON of `--json-object=trailer`: where to find the rest (wantedObjects). */
export function readTrailer(json: string): Record<string, unknown> {
  const trailer = (JSON.parse(json) as Partial<QpdfJson>).qpdf?.[1]?.trailer?.value;
  if (typeof trailer !== 'object' || trailer === null) throw new Error('qpdf printed no trailer');
  return trailer as Record<string, unknown>;
}

/** The objects `readPdfObjects` needs besides the trailer: `--json-object` arguments that keep qpdf's JSON small. */
export function wantedObjects(trailer: Record<string, unknown>): string[] {
  return [trailer['/Root'], trailer['/Info']].filter((ref): ref is string => typeof ref === 'string').map((ref) => ref.replace(/^(\d+) (\d+) R$/, '$1,$2'));
}

/**
 * Reads qpdf's JSON of a whole file, or of just the trailer and the objects wantedObjects names (a merged book's
 * JSON of every object is 40 MB and 9 s at a thousand runbooks).
 */
export function readPdfObjects(json: string): PdfObjects {
  const parsed = JSON.parse(json) as QpdfJson;
  if (!Array.isArray(parsed.pages) || !Array.isArray(parsed.qpdf)) throw new Error('qpdf printed JSON without "pages" and "qpdf": is it qpdf 11 or later?');
  const [header, objects] = parsed.qpdf;
  const value = (ref: unknown) => (typeof ref === 'string' ? (objects[`obj:${ref}`]?.value as Record<string, unknown> | undefined) : undefined);
  const trailer = (objects.trailer?.value ?? {}) as Record<string, unknown>;
  const catalogRef = trailer['/Root'];
  const catalog = value(catalogRef);
  if (typeof catalogRef !== 'string' || catalog === undefined) throw new Error('the PDF has no catalog');
  const infoRef = trailer['/Info'];
  const info = value(infoRef);
  const dests = catalog['/Dests'];
  return {
    pageObjects: parsed.pages.map((page) => page.object),
    maxObjectId: header.maxobjectid,
    catalog: { ref: catalogRef, value: catalog },
    info: typeof infoRef === 'string' && info !== undefined ? { ref: infoRef, value: info } : undefined,
    trailer,
    dests: ((typeof dests === 'string' ? value(dests) : dests) ?? {}) as Record<string, unknown[]>,
  };
}

/** A part's named destinations by page index within it, leaving out the names in `standIns` (see print-book.ts). */
export function partDestinations(pdf: PdfObjects, standIns: ReadonlySet<string>): Map<string, PartDestination> {
  const pageIndex = new Map(pdf.pageObjects.map((ref, index) => [ref, index]));
  const destinations = new Map<string, PartDestination>();
  for (const [name, destination] of Object.entries(pdf.dests)) {
    if (standIns.has(name) || !Array.isArray(destination)) continue;
    const [page, ...view] = destination;
    const index = typeof page === 'string' ? pageIndex.get(page) : undefined;
    if (index !== undefined) destinations.set(name, { page: index, view });
  }
  return destinations;
}
