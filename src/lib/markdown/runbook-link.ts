import { posix } from 'node:path';
import { pageSlug } from '../content/page-slug.ts';
import { runbookPath } from '../web/urls.ts';

/**
 * The site URL of a link in content that leads to another page of this site, or undefined for any other link
 * (external URLs, `#anchors`, other files), which is left as written:
 * - a relative link to another runbook's source file, as authors write it so that links also work on the Git
 *   host: `../db/latency.md#diagnosis` from `payments/api-down.md` → `/runbooks/db/latency/#diagnosis`;
 * - a root-absolute link to a runbook or alert page, `/runbooks/db/latency/` or `/alerts/DBDown/`, which gets the
 *   base path: written for a site at `/`, it would 404 on one served under `/docs/`.
 */
export function runbookLinkUrl(href: string, fromSlug: string, base: string): string | undefined {
  if (/^\/(?:runbooks|alerts)(?:[/?#]|$)/.test(href)) return `${base}${href.slice(1)}`;
  if (/^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(href)) return undefined;
  const match = /^([^?#]*\.mdx?)([?#].*)?$/.exec(href);
  if (!match) return undefined;
  const target = posix.normalize(posix.join(posix.dirname(fromSlug), match[1]!));
  if (target.startsWith('..')) return undefined;
  return `${runbookPath(base, pageSlug(target))}${match[2] ?? ''}`;
}
