import { posix } from 'node:path';
import { pageSlug } from '../content/page-slug.ts';
import { runbookPath } from '../web/urls.ts';

/**
 * The site URL of a relative link to another runbook's source file, as authors write it so that links also work
 * on the Git host: `../db/latency.md#diagnosis` from `payments/api-down.md` → `/runbooks/db/latency/#diagnosis`.
 * Returns undefined for anything else (external URLs, `#anchors`, root-absolute paths, other files).
 */
export function runbookLinkUrl(href: string, fromSlug: string, base: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(href)) return undefined;
  const match = /^([^?#]*\.mdx?)([?#].*)?$/.exec(href);
  if (!match) return undefined;
  const target = posix.normalize(posix.join(posix.dirname(fromSlug), match[1]!));
  if (target.startsWith('..')) return undefined;
  return `${runbookPath(base, pageSlug(target))}${match[2] ?? ''}`;
}
