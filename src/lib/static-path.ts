import { posix } from 'node:path';

/**
 * The file under the site folder that a request path names, for the PDF tool's static server, or undefined when the
 * path is outside the site's base path or tries to climb out of the folder (`/../etc/passwd`, `%2e%2e`).
 * `/book/` → `book/index.html`; with base `/runbooks/`, `/runbooks/book/?env=x` → `book/index.html`.
 */
export function staticFilePath(requestPath: string, base: string): string | undefined {
  const pathname = requestPath.split(/[?#]/, 1)[0]!;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const inBase = pathname === prefix.slice(0, -1) ? '/' : pathname.startsWith(prefix) ? `/${pathname.slice(prefix.length)}` : undefined;
  if (inBase === undefined) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(inBase);
  } catch {
    return undefined; // Malformed percent-encoding.
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  // A `..` segment is refused rather than resolved: no page of the site needs one, and it is how a request climbs out.
  if (decoded.split('/').includes('..')) return undefined;
  const normal = posix.normalize(decoded).slice(1);
  return normal === '' || normal.endsWith('/') ? `${normal}index.html` : normal;
}
