import { relativeUrl } from './relative-url.ts';

const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;
const URL_ATTRIBUTE = /\b(href|src)="([^"]*)"/g;
const REFRESH = /(<meta http-equiv="refresh" content="\d+; url=)([^"]+)(")/;

/** The module scripts a page loads, in document order (root-absolute URLs). */
export function moduleScripts(html: string): string[] {
  return [...html.matchAll(MODULE_SCRIPT)].map((match) => match[1]!);
}

/**
 * One page of the offline copy: links relative (see relativeUrl), module scripts replaced by `scripts`
 * (classic, deferred: browsers refuse module scripts from file://).
 */
export function rewriteForOffline(html: string, options: { file: string; base: string; scripts: string[] }): string {
  const toRelative = (url: string) => relativeUrl(url, options.file, options.base);
  const classic = options.scripts.map((src) => `<script defer src="${toRelative(src)}"></script>`).join('');
  let first = true;
  return html
    .replace(MODULE_SCRIPT, () => {
      const replacement = first ? classic : '';
      first = false;
      return replacement;
    })
    .replace(URL_ATTRIBUTE, (_, name: string, url: string) => `${name}="${toRelative(url)}"`)
    .replace(REFRESH, (_, start: string, url: string, end: string) => `${start}${toRelative(url)}${end}`);
}
