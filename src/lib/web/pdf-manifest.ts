/**
 * `pdfs.json`: the PDFs of this build, written by `npm run pdf` (src/cli/pdf.ts) and read by every page's
 * `<pdf-link>` (src/scripts/pdf-link.ts), so that a page links the books that exist with one request instead of
 * probing for each one that might. The build writes it empty (src/pages/pdfs.json.ts): a rebuild removes the PDFs.
 */

export interface PdfEntry {
  /** Where the PDF is, relative to the site root: `runbooks-production.pdf`. */
  file: string;
  /** null: the whole book. Per-service books come later; pages do not link them yet (pdfLinks). */
  service: string | null;
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
  const { file, service, environment, environmentLabel, pages, bytes, commit, printed } = item;
  if (typeof file !== 'string' || !PDF_FILE.test(file)) return undefined;
  if (!isNullableString(service) || !isNullableString(environment) || !isNullableString(environmentLabel) || !isNullableString(commit)) return undefined;
  if (!isCount(pages) || !isCount(bytes)) return undefined;
  if (typeof printed !== 'string' || Number.isNaN(Date.parse(printed))) return undefined;
  return { file, service, environment, environmentLabel, pages, bytes, commit, printed };
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

/**
 * The links a page shows, in this order: the whole book without an environment first (its placeholders read
 * `{{name}}`, and the link says so: an engineer must not run a command with a placeholder left in), then each
 * environment's book in the manifest's order. `destination`, on a runbook page, is the page's named destination in
 * the book (bookAnchor), so that the PDF opens at that page (RFC 8118 `nameddest`). Per-service books are left out
 * until pages link them by service.
 */
export function pdfLinks(manifest: PdfManifest, options: { base: string; destination?: string | undefined }): PdfLinkItem[] {
  const fragment = options.destination ? `#nameddest=${encodeURIComponent(options.destination)}` : '';
  const books = manifest.pdfs.filter((entry) => entry.service === null);
  return [...books.filter((entry) => entry.environment === null), ...books.filter((entry) => entry.environment !== null)].map((entry) => {
    const href = `${options.base}${entry.file}${fragment}`;
    if (entry.environment === null) {
      return { href, text: 'Download PDF', note: 'placeholders not filled in', label: 'Download PDF, placeholders not filled in' };
    }
    const text = `PDF filled in for ${entry.environmentLabel ?? entry.environment}`;
    return { href, text, note: undefined, label: `Download ${text}` };
  });
}
