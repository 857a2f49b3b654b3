import type { AlertManifest } from '../alerts/manifest.ts';

export interface OfflinePage {
  slug: string;
  title: string;
  summary: string;
  service: string;
  severity: string | null;
  alerts: string[];
}

export interface OfflineIndex {
  alerts: AlertManifest;
  pages: OfflinePage[];
}

/** The global the offline search reads. */
export const OFFLINE_INDEX_GLOBAL = 'runbooksOfflineIndex';

/** A classic script that defines the index; `<` is escaped so no title can end the script early. */
export function offlineIndexScript(index: OfflineIndex): string {
  return `window.${OFFLINE_INDEX_GLOBAL} = ${JSON.stringify(index).replace(/</g, '\\u003c')};\n`;
}

/** Pages whose title, summary or alerts contain every word of the query, titles first. */
export function searchOfflinePages(pages: readonly OfflinePage[], query: string): OfflinePage[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const text = (page: OfflinePage) => `${page.title} ${page.summary} ${page.alerts.join(' ')} ${page.service}`.toLowerCase();
  const inTitle = (page: OfflinePage) => words.every((word) => page.title.toLowerCase().includes(word));
  return pages.filter((page) => words.every((word) => text(page).includes(word))).sort((a, b) => Number(inTitle(b)) - Number(inTitle(a)));
}
