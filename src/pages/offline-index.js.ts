import type { APIRoute } from 'astro';
import { loadSite } from '../data/load-site.ts';
import { alertManifest } from '../lib/alerts/manifest.ts';
import { offlineIndexScript } from '../lib/web/offline-index.ts';

/** The search index of the offline copy, as a classic script: under file:// neither fetch nor pagefind can load. */
export const GET: APIRoute = async () => {
  const { pages, alerts } = await loadSite();
  const base = import.meta.env.BASE_URL;
  return new Response(
    offlineIndexScript({
      alerts: alertManifest(alerts, { base }),
      pages: pages.map(({ slug, entry: { data } }) => ({
        slug,
        title: data.title,
        summary: data.summary,
        service: data.service,
        severity: data.severity ?? null,
        alerts: data.alerts,
      })),
    }),
    { headers: { 'Content-Type': 'text/javascript' } },
  );
};
