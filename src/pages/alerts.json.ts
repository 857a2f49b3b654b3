import type { APIRoute } from 'astro';
import { loadSite } from '../data/load-site.ts';
import { alertManifest } from '../lib/alerts/manifest.ts';

export const GET: APIRoute = async ({ site }) => {
  const { alerts } = await loadSite();
  return new Response(JSON.stringify(alertManifest(alerts, { base: import.meta.env.BASE_URL, site }), null, 2), {
    headers: { 'Content-Type': 'application/json' },
  });
};
