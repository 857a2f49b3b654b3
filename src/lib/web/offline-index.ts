// biome-ignore lint/style/noRestrictedImports: types only, erased from the bundle; the browser reads what they describe.
import type { AlertManifest, AlertManifestEntry } from '../alerts/manifest.ts';
// biome-ignore lint/style/noRestrictedImports: a type only, erased from the bundle.
import type { RunbookData } from '../content/schemas/runbook.ts';
import { jsonForScript } from './json-script.ts';

/** What the offline copy's search knows of a page: enough to find it by title, summary or alert without pagefind. */
export type OfflinePage = Pick<RunbookData, 'title' | 'summary' | 'service' | 'alerts'> & { slug: string; severity: AlertManifestEntry['severity'] };

export interface OfflineIndex {
  alerts: AlertManifest;
  pages: OfflinePage[];
}

/** The global the offline search reads. */
export const OFFLINE_INDEX_GLOBAL = 'runbooksOfflineIndex';

/** A classic script that defines the index; `<` is escaped so no title can end the script early. */
export function offlineIndexScript(index: OfflineIndex): string {
  return `window.${OFFLINE_INDEX_GLOBAL} = ${jsonForScript(index)};\n`;
}

/** Pages whose title, summary or alerts contain every word of the query, titles first. */
export function searchOfflinePages(pages: readonly OfflinePage[], query: string): OfflinePage[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const text = (page: OfflinePage) => `${page.title} ${page.summary} ${page.alerts.join(' ')} ${page.service}`.toLowerCase();
  const inTitle = (page: OfflinePage) => words.every((word) => page.title.toLowerCase().includes(word));
  return pages.filter((page) => words.every((word) => text(page).includes(word))).sort((a, b) => Number(inTitle(b)) - Number(inTitle(a)));
}
