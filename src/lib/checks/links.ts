import { posix } from 'node:path';
import type { SourcePage } from '../content/source-page.ts';
import { type ContentProblem, fieldPosition } from '../errors.ts';
import { decodePathSegment } from '../web/urls.ts';
import { pageHeadingIds, pageOutline } from './parsed-page.ts';

/** Where an internal link of a runbook body leads. */
export type LinkTarget =
  | { kind: 'anchor'; anchor: string }
  | { kind: 'page'; slug: string; anchor: string | undefined }
  | { kind: 'file'; path: string; anchor: string | undefined }
  | { kind: 'alert'; alert: string }
  | { kind: 'other' };

/**
 * Classifies `url`, written in the page at `fromPath` (its path under `runbooks/`, `db/latency.md`):
 * `#anchor`, `/runbooks/<slug>/#anchor`, `../other/page.md#anchor` (resolved to a path under `runbooks/`),
 * `/alerts/<name>/`. Everything else (other sites, mail, other pages of the site) is `other` and not checked.
 */
export function linkTarget(url: string, fromPath: string): LinkTarget {
  const hash = url.indexOf('#');
  const anchor = hash === -1 ? undefined : decode(url.slice(hash + 1)) || undefined;
  const path = decode((hash === -1 ? url : url.slice(0, hash)).replace(/\?.*$/, ''));
  if (path === '') return anchor ? { kind: 'anchor', anchor } : { kind: 'other' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return { kind: 'other' };
  const page = /^\/runbooks\/(.+?)\/?(?:index\.html)?$/.exec(path);
  if (page?.[1]) return { kind: 'page', slug: page[1], anchor };
  const alert = /^\/alerts\/([^/]+)\/?$/.exec(path);
  if (alert?.[1]) return { kind: 'alert', alert: alert[1] };
  if (!path.startsWith('/') && /\.mdx?$/.test(path)) return { kind: 'file', path: posix.join(posix.dirname(fromPath), path), anchor };
  return { kind: 'other' };
}

/** A malformed escape is kept as written: the link is then reported as leading nowhere, with its text. */
function decode(text: string): string {
  return decodePathSegment(text) ?? text;
}

/**
 * Links that lead nowhere: to a runbook that does not exist, to a `.md`/`.mdx` file that does not exist, to an
 * `#anchor` no heading of the target page has, to an alert no runbook handles; and `related` slugs that are not
 * pages (the build silently leaves them out of the "Related" list).
 */
export function checkLinks(pages: readonly SourcePage[]): ContentProblem[] {
  const bySlug = new Map(pages.map((page) => [page.slug, page]));
  const byPath = new Map(pages.map((page) => [pathUnderRunbooks(page), page]));
  const alerts = new Set(pages.flatMap((page) => page.data?.alerts ?? []).map((alert) => alert.toLowerCase()));

  const problems: ContentProblem[] = [];
  for (const page of pages) {
    const at = (line: number, column: number, message: string) =>
      problems.push({ severity: 'error', file: page.file, line: page.bodyLine + line - 1, column, message });
    for (const { url, line, column } of pageOutline(page).links) {
      const target = linkTarget(url, pathUnderRunbooks(page));
      const broken = `broken link to ${url}`;
      if (target.kind === 'anchor') {
        if (!pageHeadingIds(page).has(target.anchor)) at(line, column, `${broken}: no heading on this page has the id "${target.anchor}"`);
      } else if (target.kind === 'page' || target.kind === 'file') {
        const other = target.kind === 'page' ? bySlug.get(target.slug) : byPath.get(target.path);
        if (!other) {
          const missing = target.kind === 'page' ? `there is no runbook "${target.slug}"` : `there is no file ${runbooksFolder(page)}${target.path}`;
          at(line, column, `${broken}: ${missing}`);
        } else if (target.anchor && !pageHeadingIds(other).has(target.anchor)) {
          at(line, column, `${broken}: no heading of ${other.file} has the id "${target.anchor}"`);
        }
      } else if (target.kind === 'alert' && !alerts.has(target.alert.toLowerCase())) {
        at(line, column, `${broken}: no runbook lists the alert "${target.alert}"`);
      }
    }
    page.data?.related.forEach((slug, index) => {
      if (bySlug.has(slug)) return;
      problems.push({
        severity: 'error',
        file: page.file,
        ...fieldPosition(page.yaml, ['related', index], page.yamlLine),
        field: `related.${index}`,
        message: `there is no runbook "${slug}"`,
      });
    });
  }
  return problems;
}

/** `db/latency.md`: the slug with the file's own extension. */
function pathUnderRunbooks(page: SourcePage): string {
  return page.slug + /\.mdx?$/.exec(page.file)![0];
}

/** `content/runbooks/`: how messages spell the folder the page is in, so a missing file is named the same way. */
function runbooksFolder(page: SourcePage): string {
  return page.file.replace(/\\/g, '/').slice(0, -pathUnderRunbooks(page).length);
}
