import type { PdfEntry, PdfManifest } from '../web/pdf-manifest.ts';

/**
 * The manifest `npm run pdf` writes: the PDFs it has just printed, plus those of the previous manifest that are still
 * on disk and were not printed again, so that `npm run pdf` then `npm run pdf -- --env production` lists both. Here and
 * not in lib/web: only the PDF tool merges, and lib/web is what the browser bundles. `exists` says whether a file
 * (relative to the site root) is still there; the order is the one pages show: the whole book without an environment,
 * then by environment in the build's order (`environmentIds`), then per-service books the same way.
 */
export function mergePdfManifest(
  previous: PdfManifest,
  written: readonly PdfEntry[],
  options: { exists: (file: string) => boolean; environmentIds: readonly string[] },
): PdfManifest {
  const rewritten = new Set(written.map((entry) => entry.file));
  const kept = previous.pdfs.filter((entry) => !rewritten.has(entry.file) && options.exists(entry.file));
  const rank = (environment: string | null) => {
    if (environment === null) return -1;
    const index = options.environmentIds.indexOf(environment);
    // One the build no longer knows (an older manifest's) goes last; a rebuild resets the manifest anyway.
    return index === -1 ? options.environmentIds.length : index;
  };
  const order = (a: PdfEntry, b: PdfEntry) =>
    compareNullFirst(a.service, b.service) || rank(a.environment) - rank(b.environment) || a.file.localeCompare(b.file, 'en');
  return { version: 1, pdfs: [...kept, ...written].toSorted(order) };
}

function compareNullFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a.localeCompare(b, 'en');
}
