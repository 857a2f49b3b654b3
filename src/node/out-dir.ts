import { cpSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { BUILD_MARKER, buildMarkerText, foreignEntriesProblem, outDirPlaceProblem } from '../lib/output/out-dir-rules.ts';
import { digest } from './digest.ts';
import { realPath } from './real-path.ts';
import { shownPath } from './shown-path.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

/**
 * The output folder of `npm run build` on the disk: whether a build may replace it (the rules are in
 * src/lib/output/out-dir-rules.ts), the marker that makes it ours, and the swap of the new site into its place.
 */

/** The top-level entries of a folder, and those of `services/<id>/` (folders end in `/`). */
function entriesOf(folder: string): string[] {
  const list = (relativeFolder: string, depth: number): string[] =>
    readdirSync(join(folder, relativeFolder), { withFileTypes: true }).flatMap((entry) => {
      const path = relativeFolder === '' ? entry.name : `${relativeFolder}/${entry.name}`;
      if (!entry.isDirectory()) return [path];
      const nested = (depth === 0 && entry.name === 'services') || (depth === 1 && relativeFolder === 'services') ? list(path, depth + 1) : [];
      return [`${path}/`, ...nested];
    });
  return list('', 0);
}

/**
 * Why the build may not write the output folder `target`, as the end of a sentence naming it; undefined when it
 * may. Checked before anything is deleted: the folder itself, and the `<out>.building` and `<out>.previous` folders
 * beside it that the build deletes (src/cli/build.ts).
 */
export function outDirPlaceRefusal(target: string, places: { project: string; contentRoot: string }): string | undefined {
  const protectedPlaces = { project: realPath(places.project), contentRoot: realPath(places.contentRoot), home: homeFolder() };
  for (const folder of [target, `${target}.building`, `${target}.previous`]) {
    const problem = outDirPlaceProblem(realPath(folder), protectedPlaces);
    if (problem) return `the output folder ${shownPath(folder)} ${problem}`;
  }
  if (existsSync(target) && !statSync(target).isDirectory()) return `the output folder ${shownPath(target)} is a file`;
  return undefined;
}

/**
 * Why the existing output folder (or the previous build beside it, which the build deletes) holds what a build
 * must not delete; undefined when both are ours, empty or missing. Checked under the build lock, so that another
 * build's half-done swap is not mistaken for someone's files.
 */
export function outDirContentsRefusal(target: string): string | undefined {
  for (const [folder, what] of [
    [target, 'the output folder'],
    [`${target}.previous`, 'the folder of the build before'],
  ] as const) {
    if (!existsSync(folder) || !statSync(folder).isDirectory()) continue;
    const problem = foreignEntriesProblem(entriesOf(folder));
    if (problem) return `${what} ${shownPath(folder)} ${problem}`;
  }
  return undefined;
}

/** Marks a finished build's folder as ours (BUILD_MARKER), so that later builds may replace it. */
export function markBuild(folder: string, builtAt: Date): void {
  writeFileAtomic(join(folder, BUILD_MARKER), buildMarkerText(builtAt));
}

/**
 * Puts the complete new site (`building`) in place of `target`, the old one kept as `previous`: two renames, so
 * the folder is always either the old site or the new one. A folder that is a mount point (a volume, a bind
 * mount, a tmpfs) cannot be renamed: then its files are replaced by a copy of the new site, made only after the
 * new site is complete; during the copy the folder is part old, part new. Returns which of the two it did.
 */
export function replaceSite(building: string, target: string, previous: string): 'swapped' | 'copied' {
  if (existsSync(target)) {
    try {
      renameSync(target, previous);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EBUSY' && code !== 'EXDEV') throw error;
      for (const entry of readdirSync(target)) rmSync(join(target, entry), { recursive: true, force: true });
      cpSync(building, target, { recursive: true });
      rmSync(building, { recursive: true, force: true });
      return 'copied';
    }
  }
  renameSync(building, target);
  return 'swapped';
}

/** The file system (device) of the nearest existing folder at or above `path`. */
function deviceOf(path: string): number | undefined {
  for (let folder = resolve(path); ; folder = dirname(folder)) {
    try {
      return statSync(folder).dev;
    } catch {
      if (dirname(folder) === folder) return undefined;
    }
  }
}

/**
 * Where Astro writes the new site: beside the output folder (`<out>.building`), unless that is on another file
 * system than the working directory (a tmpfs, a mounted volume); then in the working directory's `.astro/`, copied
 * beside the output folder once complete. Astro renders the pages from a bundle it keeps in `<cwd>/.astro/.prerender/`
 * (inside the project, where its imports are found) when the output folder is outside the working directory, and
 * renames that bundle's assets into the output folder: across file systems that fails with EXDEV. The copy keeps
 * the swap a rename, since `<out>.building` is always on the output folder's file system.
 */
export function stagingFolder(target: string, cwd: string): string {
  const building = `${target}.building`;
  if (deviceOf(dirname(target)) === deviceOf(cwd)) return building;
  return join(cwd, '.astro', 'runbooks-staging', digest(target));
}

/** Moves a finished site from the project's file system to another: a copy, then the original deleted. */
export function moveAcross(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  rmSync(from, { recursive: true, force: true });
}

function homeFolder(): string | undefined {
  try {
    const home = homedir();
    return home ? realPath(home) : undefined;
  } catch {
    return undefined;
  }
}
