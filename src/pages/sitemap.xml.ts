import type { APIRoute } from 'astro';
import { loadSite } from '../data/load-site.ts';
import { sitemapXml } from '../lib/html/sitemap.ts';
import { runbookPath } from '../lib/web/urls.ts';

/** Every page a reader lands on (not the alert redirects, which point at runbooks). Absolute with RUNBOOKS_SITE. */
export const GET: APIRoute = async ({ site }) => {
  const { pages } = await loadSite();
  const base = import.meta.env.BASE_URL;
  const paths = [base, `${base}alerts/`, `${base}severity/`, ...pages.map((page) => runbookPath(base, page.slug))];
  return new Response(sitemapXml(paths, site), { headers: { 'Content-Type': 'application/xml' } });
};
