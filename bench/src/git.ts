/**
 * Which code a result measured. A result is a record only if the commit it names holds the code that was built,
 * so the benchmark refuses to run on uncommitted changes unless given a reason (`--allow-dirty`), which the result
 * then carries. Results files themselves do not count: a run may follow another before either is committed.
 */
import { execFileSync } from 'node:child_process';
import { plural } from '../../src/lib/format.ts';

/** Relative to the checkout. */
export const RESULTS_PREFIX = 'bench/results/';
/** More would not fit the one line of the refusal; the rest are counted. */
const NAMED = 10;

/**
 * The paths a `git status --porcelain -z` listing names, except those under `ignoredPrefix`. Entries are
 * `XY path`, NUL-terminated; a rename or copy (`R` or `C` in XY) is followed by its origin, which counts too:
 * moving a file out of `bench/results/` changes the tree.
 */
export function dirtyPaths(porcelainZ: string, ignoredPrefix = RESULTS_PREFIX): string[] {
  const paths: string[] = [];
  const entries = porcelainZ.split('\0');
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry.length < 4) continue; // the empty string after the last NUL
    const status = entry.slice(0, 2);
    paths.push(entry.slice(3));
    if (/[RC]/.test(status) && entries[index + 1]) paths.push(entries[++index]!);
  }
  return paths.filter((path) => !path.startsWith(ignoredPrefix));
}

/** Why the run must not go ahead, as one line; undefined when it may. */
export function dirtyTreeRefusal(dirty: readonly string[], allowDirty: string | undefined): string | undefined {
  if (dirty.length === 0 || allowDirty !== undefined) return undefined;
  const named = dirty.slice(0, NAMED).join(', ');
  const more = dirty.length > NAMED ? ` and ${dirty.length - NAMED} more` : '';
  return `uncommitted changes in ${plural(dirty.length, 'path')} (${named}${more}): commit them, or pass --allow-dirty "<reason>" to record why not`;
}

/** What a result records of the tree: the commit, whether it had changes, and the reason they were allowed. */
export function gitRecord(commit: string, dirty: readonly string[], allowDirty: string | undefined) {
  return { commit, dirty: dirty.length > 0, ...(dirty.length > 0 && allowDirty !== undefined && { allowDirty }) };
}

export type GitRecord = ReturnType<typeof gitRecord>;

/**
 * The checkout's commit and changed paths; undefined outside a git checkout (an unpacked archive), where there is
 * no commit to name and nothing to refuse.
 */
export function readGit(repo: string): { commit: string; dirty: string[] } | undefined {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const commit = git('rev-parse', 'HEAD').trim();
    // Porcelain paths are relative to the top of the git tree, which need not be the checkout's root; changes
    // outside the checkout are not code the benchmark builds.
    const prefix = git('rev-parse', '--show-prefix').trim();
    const changed = dirtyPaths(git('status', '--porcelain', '-z', '--', '.'), `${prefix}${RESULTS_PREFIX}`);
    return { commit, dirty: changed.map((path) => (path.startsWith(prefix) ? path.slice(prefix.length) : path)) };
  } catch {
    return undefined;
  }
}
