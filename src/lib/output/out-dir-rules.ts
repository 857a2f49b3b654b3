/**
 * Which folders `npm run build` may replace. A build swaps its output folder whole (the new site in, the old one
 * to `<out>.previous`, deleted by the build after), so the folder must be one of ours: never the project or the
 * content (`RUNBOOKS_OUT_DIR=content` deleted every runbook), and never a folder holding files no build wrote.
 * Pure: src/node/out-dir.ts reads the disk and asks these rules.
 */

/** The file each build writes into its output folder, so that the next build knows the folder is its own. */
export const BUILD_MARKER = '.runbooks-build';

/** The marker's text: one line of JSON, for people and tools that wonder where the folder came from. */
export function buildMarkerText(builtAt: Date): string {
  return `${JSON.stringify({ writtenBy: 'runbooks npm run build', builtAt: builtAt.toISOString() })}\n`;
}

/**
 * What a build of ours wrote before builds left a marker (the upgrade path): the home page, the alert list and the
 * search index. Every build has written all three since the site had search; a folder of someone's own is unlikely
 * to hold `alerts.json` and a `pagefind/` folder beside an `index.html`.
 */
const EARLIER_BUILD = ['index.html', 'alerts.json', 'pagefind/'];

/** Absolute, normalised folders the output folder is compared with (symbolic links already resolved). */
export interface ProtectedPlaces {
  project: string;
  contentRoot: string;
  home: string | undefined;
}

/** Why the output folder `out` (absolute, links resolved) may not be replaced by a build, or undefined. */
export function outDirPlaceProblem(out: string, places: ProtectedPlaces): string | undefined {
  const inside = (folder: string, parent: string) => folder === parent || folder.startsWith(parent === '/' ? '/' : `${parent}/`);
  const { project, contentRoot, home } = places;
  if (out === '/') return 'is the root of the file system';
  if (out === project) return 'is the project folder';
  if (out === contentRoot) return 'is the content folder (RUNBOOKS_CONTENT_DIR)';
  if (inside(project, out)) return `holds the project folder ${project}`;
  if (inside(contentRoot, out)) return `holds the content folder ${contentRoot}`;
  if (inside(out, contentRoot)) return `is inside the content folder ${contentRoot}`;
  if (home !== undefined && out === home) return 'is your home folder';
  if (home !== undefined && inside(home, out)) return `holds your home folder ${home}`;
  return undefined;
}

/**
 * One entry of an output folder, as a path relative to it (`posix` separators), folders ending in `/`. Only the
 * top level is listed, and `services/` one level further in (where `npm run pdf` writes a team's book).
 */
export type Entry = string;

/**
 * What `npm run pdf` writes into a build (src/cli/pdf.ts): `runbooks[-<env>].pdf`, `services/<id>/runbooks[-<env>].pdf`
 * and `pdfs.json`, each through a temporary file beside it (`.<name>.<pid>-<n>.tmp`, left behind by a killed run).
 */
export function isPdfCommandOutput(entry: Entry): boolean {
  const parts = entry.split('/').filter(Boolean);
  const file = parts.at(-1) ?? '';
  const written = (name: string) => /^runbooks(-[^/]+)?\.pdf$/.test(name) || name === 'pdfs.json';
  const ours = written(file) || (file.startsWith('.') && file.endsWith('.tmp') && written(file.slice(1).replace(/\.\d+(-\d+)?\.tmp$/, '')));
  if (parts.length === 1) return ours || (parts[0] === 'services' && entry.endsWith('/'));
  if (parts[0] !== 'services') return false;
  return parts.length === 2 ? entry.endsWith('/') : parts.length === 3 && ours;
}

/**
 * Why an existing output folder holding `entries` is not ours to replace, or undefined when it is: it has the
 * marker, or looks like an earlier build, or holds only what `npm run pdf` writes (or nothing). Names the first
 * few entries no build wrote.
 */
export function foreignEntriesProblem(entries: readonly Entry[]): string | undefined {
  const names = new Set(entries);
  if (names.has(BUILD_MARKER) || EARLIER_BUILD.every((name) => names.has(name))) return undefined;
  const foreign = entries.filter((entry) => !isPdfCommandOutput(entry)).sort();
  if (foreign.length === 0) return undefined;
  const shown = foreign.slice(0, 3).join(', ');
  return `holds files no build wrote (${shown}${foreign.length > 3 ? ` and ${foreign.length - 3} more` : ''})`;
}
