import { posix } from 'node:path';

/**
 * A root-absolute URL of the site (`/runbooks/db/latency/?env=prod#diagnosis`) as a link that works from the
 * HTML file `fromFile` (relative to the site folder) when the site is opened from disk: relative, and naming
 * `index.html` because file:// has no directory index. URLs outside `base` are returned unchanged.
 */
export function relativeUrl(target: string, fromFile: string, base: string): string {
  if (!target.startsWith(base) || target.startsWith('//')) return target;
  const match = /^([^?#]*)(.*)$/.exec(target.slice(base.length))!;
  let path = match[1]!;
  const rest = match[2]!;
  if (path === '' || path.endsWith('/')) path += 'index.html';
  const relative = posix.relative(posix.dirname(fromFile), path);
  return (relative.startsWith('.') ? relative : `./${relative}`) + rest;
}
