/**
 * The temporary folders a run works in (the generated corpus, each side's output, cache and logs) and the
 * environment that points each side's build at them. All of it lives outside the checkout, so a run never touches
 * `dist/` or the caches of other builds, and a run that is killed leaves nothing behind in the tree.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failure } from './messages.ts';
import type { Options } from './options.ts';
import { REPO } from './paths.ts';
import { type Measurement, measureCommand } from './process-tree.ts';

export type Side = 'ours' | 'baseline';

/** The layout of a workspace under `root`, created by createWorkspace. */
export function workspaceAt(root: string) {
  return {
    root,
    content: join(root, 'corpus'),
    /**
     * The working directory of each side's builds, holding its output and cache folders. Astro writes the server
     * chunks of a static build to `<outDir>/.prerender/` only when outDir is inside the working directory, and to
     * `<cwd>/.astro/.prerender/` otherwise, where any other build of the checkout with an outside outDir
     * overwrites them mid-build ("Cannot find module …/.astro/.prerender/chunks/…"). So each side builds from its
     * own folder, with `--root` pointing at the project, and the workspace links to the repository's node_modules
     * so that those chunks still resolve their packages.
     */
    cwd: { ours: join(root, 'ours'), baseline: join(root, 'baseline') },
    out: { ours: join(root, 'ours/dist'), baseline: join(root, 'baseline/dist') },
    cache: { ours: join(root, 'ours/cache'), baseline: join(root, 'baseline/cache') },
    logs: join(root, 'logs'),
  };
}

export type Workspace = ReturnType<typeof workspaceAt>;

export function createWorkspace(): Workspace {
  const work = workspaceAt(mkdtempSync(join(tmpdir(), 'runbooks-bench-')));
  for (const dir of [work.logs, work.cwd.ours, work.cwd.baseline]) mkdirSync(dir, { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(work.root, 'node_modules'), 'dir');
  return work;
}

export function removeWorkspace(work: Workspace): void {
  rmSync(work.root, { recursive: true, force: true });
}

export const baseEnv = (): NodeJS.ProcessEnv => ({ ...process.env, ASTRO_TELEMETRY_DISABLED: '1' });

/** Our site reads its content, output and cache folders from these (astro.config.mjs). */
export function ourEnv(work: Workspace): NodeJS.ProcessEnv {
  return { ...baseEnv(), RUNBOOKS_CONTENT_DIR: work.content, RUNBOOKS_OUT_DIR: work.out.ours, RUNBOOKS_CACHE_DIR: work.cache.ours };
}

/** The baseline's equivalents (bench/baseline/astro.config.mjs). */
export function baselineEnv(work: Workspace): NodeJS.ProcessEnv {
  return { ...baseEnv(), BENCH_CONTENT_DIR: work.content, BENCH_OUT_DIR: work.out.baseline, BENCH_CACHE_DIR: work.cache.baseline };
}

/** Writes the corpus into the workspace; its time is recorded, though nothing is compared against it. */
export async function generateCorpus(work: Workspace, options: Pick<Options, 'generator' | 'count' | 'ext'>): Promise<Measurement> {
  const logFile = join(work.logs, 'generate.log');
  const generated = await measureCommand(
    process.execPath,
    [options.generator, '--count', String(options.count), '--out', join(work.content, 'runbooks'), '--ext', options.ext],
    { logFile },
  );
  if (generated.exitCode !== 0) throw failure('the corpus generator', generated, logFile);
  return generated;
}
