/**
 * The slug of a page is its path under `content/runbooks` without the extension: `db/latency.mdx` → `db/latency`.
 * It is the page's URL (`/runbooks/db/latency/`) and what `related` lists, so it is kept exactly as written
 * rather than slugified behind the author's back; `isValidSlug` tells whether it is URL-safe.
 */
export function pageSlug(relativePath: string): string {
  return relativePath.replace(/\\/g, '/').replace(/\.mdx?$/, '');
}

export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)+$/.test(slug);
}
