import { type Zippable, zipSync } from 'fflate';

/**
 * The offline copy's zip from its files: entries sorted by path and every one stamped `mtime`, so the same site
 * gives the same bytes (readdir order and the clock differ between builds; `SOURCE_DATE_EPOCH` fixes the date).
 */
export function zipArchive(files: Readonly<Record<string, Uint8Array>>, mtime: Date): Uint8Array {
  const sorted: Zippable = {};
  for (const path of Object.keys(files).sort()) sorted[path] = [files[path]!, { mtime }];
  // Level 1: a third of the time of the default for a few percent more bytes; the site is mostly small HTML.
  return zipSync(sorted, { level: 1 });
}
