import { slugSchema } from './schemas/common.ts';

/**
 * The slug of a page is its path under `content/runbooks` without the extension: `db/latency.mdx` → `db/latency`.
 * It is the page's URL (`/runbooks/db/latency/`) and what `related` lists, so it is kept exactly as written
 * rather than slugified behind the author's back; `isValidSlug` tells whether it is URL-safe.
 */
export function pageSlug(relativePath: string): string {
  return relativePath.replace(/\\/g, '/').replace(/\.mdx?$/, '');
}

/** `<group>/<name>` (or deeper), each part a slug as `slugSchema` defines it. */
export function isValidSlug(slug: string): boolean {
  const parts = slug.split('/');
  return parts.length >= 2 && parts.every((part) => slugSchema.safeParse(part).success);
}
