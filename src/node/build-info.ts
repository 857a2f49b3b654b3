import { execFileSync } from 'node:child_process';
import { type BuildInfo, buildDate, commitFromEnv, type Env } from '../lib/book/build-info.ts';

/**
 * The commit of the content folder: from the environment, else from git (with `-dirty` when files changed since).
 * Undefined outside a git checkout or without git: a book printed from a copy of the files is still a book.
 */
export function buildInfo(contentRoot: string, env: Env = process.env, now: Date = new Date()): BuildInfo {
  let commit = commitFromEnv(env);
  if (commit === undefined) {
    try {
      commit =
        execFileSync('git', ['-C', contentRoot, 'describe', '--always', '--dirty', '--abbrev=12'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        }).trim() || undefined;
    } catch {
      commit = undefined;
    }
  }
  return { date: buildDate(env, now), commit };
}
