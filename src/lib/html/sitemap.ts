/** `sitemap.xml` for the given page paths (root-absolute, with the base), absolute when the site URL is known. */
export function sitemapXml(paths: readonly string[], site: URL | undefined): string {
  const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const urls = [...paths].sort().map((path) => `  <url><loc>${escapeXml(site ? new URL(path, site).href : path)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
