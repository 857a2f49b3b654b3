/**
 * `pdfs.json`: the PDFs of this build, written by `npm run pdf` (src/cli/pdf.ts) and read by every page's
 * `<pdf-link>` (src/scripts/pdf-link.ts), so that a page links the books that exist with one request instead of
 * probing for each one that might. The build writes it empty (src/pages/pdfs.json.ts): a rebuild removes the PDFs.
 */

export interface PdfEntry {
  /** Where the PDF is, relative to the site root: `runbooks-production.pdf`. */
  file: string;
  /** null: the whole book; a service id: that team's book (`services/<id>/runbooks.pdf`), only its runbooks. */
  service: string | null;
  /** That service's label (`Payments`), for the links; null with `service`. */
  serviceLabel: string | null;
  /** The environment whose values fill the placeholders; null: none, they read `{{name}}`. */
  environment: string | null;
  /** That environment's label (`Production`), for the links; null with `environment`. */
  environmentLabel: string | null;
  pages: number;
  bytes: number;
  /** The commit the build was made from (as the cover says), when known. */
  commit: string | null;
  /** When it was printed (ISO 8601). */
  printed: string;
}

export interface PdfManifest {
  version: 1;
  pdfs: PdfEntry[];
}

/** What the build publishes, before any `npm run pdf`: no PDFs. */
export function emptyPdfManifest(): PdfManifest {
  return { version: 1, pdfs: [] };
}

/** The file name the site publishes the manifest under, at its root. */
export const PDF_MANIFEST_FILE = 'pdfs.json';

// Plain names joined by `/`, ending in `.pdf`, each starting with a letter, digit, `_` or `-`: `file` goes after the
// base path into an href, so nothing that could climb out of the site (`..`), start at the root or at another host
// (`/x`, `//host/x`), carry a query or fragment, or need encoding.
const PDF_FILE = /^(?:[\w-][\w.-]*\/)*[\w-][\w.-]*\.pdf$/;

/**
 * The manifest in `json`, or the empty one when it is anything else: not JSON, another version, an entry missing a
 * field or with a value of the wrong kind. What a host serves at that URL is not ours to trust (a host may answer
 * every path with its index page), and a page must never break over it: the worst case is no PDF links.
 */
export function parsePdfManifest(json: string): PdfManifest {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return emptyPdfManifest();
  }
  if (!isRecord(value) || value['version'] !== 1 || !Array.isArray(value['pdfs'])) return emptyPdfManifest();
  const pdfs: PdfEntry[] = [];
  for (const item of value['pdfs'] as unknown[]) {
    const entry = pdfEntry(item);
    if (entry === undefined) return emptyPdfManifest();
    pdfs.push(entry);
  }
  return { version: 1, pdfs };
}

function pdfEntry(item: unknown): PdfEntry | undefined {
  if (!isRecord(item)) return undefined;
  const { file, service, serviceLabel, environment, environmentLabel, pages, bytes, commit, printed } = item;
  if (typeof file !== 'string' || !PDF_FILE.test(file)) return undefined;
  if (!isNullableString(service) || !isNullableString(serviceLabel) || !isNullableString(environment) || !isNullableString(environmentLabel)) {
    return undefined;
  }
  if (!isNullableString(commit)) return undefined;
  if (!isCount(pages) || !isCount(bytes)) return undefined;
  if (typeof printed !== 'string' || Number.isNaN(Date.parse(printed))) return undefined;
  return { file, service, serviceLabel, environment, environmentLabel, pages, bytes, commit, printed };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNullableString = (value: unknown): value is string | null => value === null || typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

export interface PdfLinkItem {
  href: string;
  /** What the link shows. */
  text: string;
  /** Shown after the text, de-emphasised, inside the link: what the reader must know before printing from it. */
  note: string | undefined;
  /** The link's accessible name: the visible words, in that order, with "Download" where the text leaves it out. */
  label: string;
}

/** Which books a `<pdf-link>` shows: the whole books, its service's books, or both (a runbook page: it is in each). */
export type PdfBooks = 'whole' | 'service' | 'both';

export interface PdfLinkOptions {
  /** The site's base path, ending in `/`. */
  base: string;
  /** On a runbook page: its named destination in the book (bookAnchor), so that the PDF opens at that page. */
  destination?: string | undefined;
  /** The service of the page, or of the home page's section: whose team book to link. */
  service?: string | undefined;
  /** Default: the whole books without `service`, both with it. */
  books?: PdfBooks | undefined;
}

/**
 * The links a page shows: the whole books (unless `books` is `service`), then those of `service` (unless `books` is
 * `whole`; none without `service`), each in this order: the book without an environment first (its placeholders read
 * `{{name}}`, and the link says so: an engineer must not run a command with a placeholder left in), then each
 * environment's book in the manifest's order. A service's links name it: "Payments PDF filled in for Production".
 * `destination` opens every one at that page (RFC 8118 `nameddest`): the whole book and the service's own book both
 * hold the runbook, and no other service's book is ever linked.
 */
export function pdfLinks(manifest: PdfManifest, options: PdfLinkOptions): PdfLinkItem[] {
  const fragment = options.destination ? `#nameddest=${encodeURIComponent(options.destination)}` : '';
  const { service } = options;
  const books = options.books ?? (service === undefined ? 'whole' : 'both');
  const ordered = (entries: PdfEntry[]) => [...entries.filter((entry) => entry.environment === null), ...entries.filter((entry) => entry.environment !== null)];
  const shown = [
    ...(books === 'service' ? [] : ordered(manifest.pdfs.filter((entry) => entry.service === null))),
    ...(books === 'whole' || !service ? [] : ordered(manifest.pdfs.filter((entry) => entry.service === service))),
  ];
  return shown.map((entry) => {
    const href = `${options.base}${entry.file}${fragment}`;
    // "PDF" for the whole book, as the links always said; "Payments PDF" for a team's.
    const book = entry.service === null ? 'PDF' : `${entry.serviceLabel ?? entry.service} PDF`;
    if (entry.environment === null) {
      const text = entry.service === null ? 'Download PDF' : book;
      return { href, text, note: 'placeholders not filled in', label: `Download ${book}, placeholders not filled in` };
    }
    const text = `${book} filled in for ${entry.environmentLabel ?? entry.environment}`;
    return { href, text, note: undefined, label: `Download ${text}` };
  });
}
