import { posix } from 'node:path';
import { splitUrl } from '../alerts/runbook-url.ts';

/**
 * Where a page of the collection being imported lived on the old site, as path segments compared the way old links
 * have to be: a `runbook_url`, a Hugo `ref`, a Markdown link to a page URL. Old sites lower-case their URLs (Hugo
 * does by default: `KubePodCrashLooping.md` is served at `…/kubepodcrashlooping/`), serve a page with or without
 * its trailing slash, and Git hosts show the file itself (`…/blob/main/KubePodCrashLooping.md`), so segments are
 * compared lower-cased, without the extension, and a section's index page stands for its folder.
 */

/** File names that make a page the index of its folder: Hugo's branch and leaf bundles, a Git host's README. */
const INDEX_NAMES = new Set(['_index', 'index', 'readme']);

/** Extensions an old link may carry that do not change which page it means. */
const PAGE_EXTENSION = /\.(?:mdx?|markdown|html?)$/i;

/** Whether the file at `path` (relative to the collection, `/`-separated) is a section's index page. */
export function isIndexPage(path: string): boolean {
  return INDEX_NAMES.has(posix.basename(path).replace(PAGE_EXTENSION, '').toLowerCase());
}

/** `kubernetes/KubePodCrashLooping.md` → `['kubernetes', 'kubepodcrashlooping']`; `kubernetes/_index.md` → `['kubernetes']`. */
export function pageKey(path: string): string[] {
  return segments(path);
}

/**
 * The path segments of a URL or path as an old link means it: origin, query and fragment dropped, each segment
 * percent-decoded and lower-cased, `.md`/`.html` and an index file name dropped from the end. `undefined` for a
 * value that names no path: not a string, or a Prometheus template (`{{ $labels.x }}`) in the address, which only
 * the firing alert can fill.
 */
export function urlSegments(value: unknown): string[] | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const { address } = splitUrl(value.trim());
  if (address.includes('{{')) return undefined;
  let path = address;
  if (/^[a-z][a-z0-9+.-]*:/i.test(address) || address.startsWith('//')) {
    try {
      path = new URL(address, 'http://host.invalid').pathname;
    } catch {
      return undefined;
    }
  }
  return segments(path);
}

function segments(path: string): string[] {
  const parts = path
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .map((part) => decode(part).toLowerCase());
  const last = parts.at(-1);
  if (last !== undefined) {
    const name = last.replace(PAGE_EXTENSION, '');
    if (INDEX_NAMES.has(name)) parts.pop();
    else parts[parts.length - 1] = name;
  }
  return parts;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Whether `whole` ends with all of `end` (which has at least one segment). */
export function endsWith(whole: readonly string[], end: readonly string[]): boolean {
  if (end.length === 0 || end.length > whole.length) return false;
  const offset = whole.length - end.length;
  return end.every((part, index) => whole[offset + index] === part);
}

/** Whether two keys are the same path. */
export function sameKey(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, index) => b[index] === part);
}

/**
 * The one candidate whose key (any of its keys) is the longest suffix of `target`: a `runbook_url` of
 * `https://runbooks.example.com/runbooks/kubernetes/kubepodcrashlooping/` means `kubernetes/KubePodCrashLooping.md`
 * rather than a `KubePodCrashLooping.md` elsewhere, whose key is shorter. `ambiguous` when two candidates tie.
 */
export function longestSuffixMatch<T>(
  target: readonly string[],
  candidates: readonly T[],
  keys: (candidate: T) => readonly (readonly string[])[],
): { match: T | undefined; ambiguous: T[] } {
  let best: T[] = [];
  let bestLength = 0;
  for (const candidate of candidates) {
    const length = Math.max(0, ...keys(candidate).map((key) => (endsWith(target, key) ? key.length : 0)));
    if (length === 0 || length < bestLength) continue;
    if (length > bestLength) {
      best = [candidate];
      bestLength = length;
    } else if (!best.includes(candidate)) best.push(candidate);
  }
  return best.length === 1 ? { match: best[0], ambiguous: [] } : { match: undefined, ambiguous: best };
}
