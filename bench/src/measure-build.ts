/**
 * The measured builds: ours and the baseline's, cold, in pairs whose order alternates, so that drift in the
 * machine's speed over a run hits both sides evenly, and, in each pair, a warm rebuild of ours right after its cold
 * build. Wall time, peak RSS and CPU time cover each whole process tree.
 */
import { readFileSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { formatBytes } from '../../src/lib/format.ts';
import { type AstroPhases, type BuildPhase, countRestoredPages, parseAstroLog, phaseAt } from './astro-log.ts';
import { withEditedRunbook } from './edit-runbook.ts';
import { failure, log } from './messages.ts';
import { ASTRO, BASELINE, BUILD_CLI, REPO } from './paths.ts';
import { type Measurement, measureCommand } from './process-tree.ts';
import { formatMs } from './table.ts';
import { baseEnv, baselineEnv, ourEnv, type Side, type Workspace } from './workspace.ts';

/**
 * `cold`: no output and no cache from an earlier build. `warm`: ours again right after its cold build, with its
 * output and cache left in place and one runbook edited (edit-runbook.ts). Results written before warm builds were
 * measured have no kind: all their builds are cold.
 */
export type BuildKind = 'cold' | 'warm';

export interface Build extends Measurement {
  side: Side;
  pair: number;
  kind?: BuildKind | undefined;
  /** Astro's own phase timings, from its log. */
  phases: AstroPhases;
  /** Pages a warm build copied from the previous build instead of rendering them (countRestoredPages). */
  restoredPages?: number | undefined;
  /** The baseline's separate `pagefind --site` run, included in its wall time, memory and CPU. */
  pagefindCli?: Measurement | undefined;
  /** The phase the build was in when its memory peaked. */
  peakPhase?: BuildPhase | 'pagefind --site' | undefined;
  log: string;
}

/** Builds without a kind come from results written before warm builds were measured, and are cold. */
export const isWarm = (build: Pick<Build, 'kind'>) => build.kind === 'warm';

/** Ours first in odd pairs, the baseline first in even ones. */
export function buildOrder(pair: number): Side[] {
  return pair % 2 === 1 ? ['ours', 'baseline'] : ['baseline', 'ours'];
}

export async function runBuilds(work: Workspace, options: { pairs: number; skipWarm: boolean }): Promise<Build[]> {
  const { pairs } = options;
  const builds: Build[] = [];
  const done = (build: Build) => {
    builds.push(build);
    const what = isWarm(build) ? 'ours, warm' : build.side;
    const restored = build.restoredPages === undefined ? '' : `, ${build.restoredPages} page(s) restored`;
    log(`pair ${build.pair}/${pairs}: ${what} ${formatMs(build.wallMs)}, peak ${formatBytes(build.peakRssBytes)}, cpu ${formatMs(build.cpuMs)}${restored}`);
  };
  for (let pair = 1; pair <= pairs; pair++) {
    for (const side of buildOrder(pair)) {
      log(`pair ${pair}/${pairs}: building ${side}…`);
      done(await measureColdBuild(side, pair, work));
      if (side === 'ours' && !options.skipWarm) {
        log(`pair ${pair}/${pairs}: rebuilding ours after editing one runbook…`);
        done(await withEditedRunbook(work.content, () => measureOurBuild(pair, 'warm', work)));
      }
    }
  }
  return builds;
}

/** Resolved once: `node_modules/.bin/pagefind` is a link, and `node` wants the script it points at. */
let pagefind: string | undefined;
const pagefindScript = () => (pagefind ??= realpathSync(join(REPO, 'node_modules/.bin/pagefind')));

async function measureColdBuild(side: Side, pair: number, work: Workspace): Promise<Build> {
  // Cold: no output and no Astro cache (where rendered Markdown is kept) from an earlier build.
  rmSync(work.out[side], { recursive: true, force: true });
  rmSync(work.cache[side], { recursive: true, force: true });
  if (side === 'ours') return measureOurBuild(pair, 'cold', work);
  const logFile = join(work.logs, `${side}-${pair}.log`);
  const astro = await measureCommand(process.execPath, [ASTRO, 'build', '--root', BASELINE], { cwd: work.cwd.baseline, env: baselineEnv(work), logFile });
  if (astro.exitCode !== 0) throw failure(`the baseline build (pair ${pair})`, astro, logFile);
  const pagefindLog = join(work.logs, `${side}-${pair}-pagefind.log`);
  const pagefind = await measureCommand(process.execPath, [pagefindScript(), '--site', work.out.baseline], { cwd: REPO, env: baseEnv(), logFile: pagefindLog });
  if (pagefind.exitCode !== 0) throw failure(`pagefind on the baseline (pair ${pair})`, pagefind, pagefindLog);
  const phases = parseAstroLog(readFileSync(logFile, 'utf8'));
  return { ...combine(astro, pagefind, peakPhase(phases, astro)), side, pair, kind: 'cold', phases, pagefindCli: pagefind, log: logFile };
}

/**
 * Ours, timed through the script `npm run build` runs (`node src/cli/build.ts`): the content check, `astro build`
 * into a folder beside the output, and the swap, as users pay for them; npm's own start-up is left out, as it is
 * for every other command the benchmark times. Our build runs pagefind and writes the offline copy itself, in
 * `astro:build:done` (src/plugins/post-build.ts). Whether it is cold or warm is up to the caller, which clears the
 * output and cache folders or leaves them.
 */
async function measureOurBuild(pair: number, kind: BuildKind, work: Workspace): Promise<Build> {
  const logFile = join(work.logs, kind === 'warm' ? `ours-${pair}-warm.log` : `ours-${pair}.log`);
  const result = await measureCommand(process.execPath, [BUILD_CLI], { cwd: work.cwd.ours, env: ourEnv(work), logFile });
  if (result.exitCode !== 0) throw failure(`our ${kind} build (pair ${pair})`, result, logFile);
  const text = readFileSync(logFile, 'utf8');
  const phases = parseAstroLog(text);
  const restored = kind === 'warm' ? { restoredPages: countRestoredPages(text) } : {};
  return { ...result, side: 'ours', pair, kind, phases, ...restored, peakPhase: peakPhase(phases, result), log: logFile };
}

/**
 * The baseline's Astro build followed by its `pagefind --site`, as one measurement comparable with our build,
 * which indexes inside the same process tree.
 */
export function combine(astro: Measurement, pagefind: Measurement, astroPeakPhase: BuildPhase | undefined): Measurement & Pick<Build, 'peakPhase'> {
  const pagefindPeaks = pagefind.peakRssBytes > astro.peakRssBytes;
  return {
    wallMs: astro.wallMs + pagefind.wallMs,
    peakRssBytes: Math.max(astro.peakRssBytes, pagefind.peakRssBytes),
    peakAtMs: pagefindPeaks ? astro.wallMs + pagefind.peakAtMs : astro.peakAtMs,
    peakPhase: pagefindPeaks ? 'pagefind --site' : astroPeakPhase,
    cpuMs: astro.cpuMs + pagefind.cpuMs,
    samples: astro.samples + pagefind.samples,
    exitCode: 0,
    signal: null,
    timedOut: false,
  };
}

function peakPhase(phases: AstroPhases, result: Measurement): BuildPhase | undefined {
  return phases.totalMs === undefined ? undefined : phaseAt(phases, result.wallMs - phases.totalMs, result.peakAtMs);
}

/**
 * Not measured: `astro sync` of both sites, so that Vite's dependency pre-bundling cache (`node_modules/.vite`
 * beside each project root, which Astro's `cacheDir` does not move) exists for both, as it does for ours on any
 * installed checkout, and so that the first measured build does not also pay for reading node_modules from disk.
 * The shared one at the repository root is left alone: other builds on this checkout use it.
 */
export async function warmUp(work: Workspace): Promise<void> {
  for (const [side, root, env] of [
    ['ours', REPO, ourEnv(work)],
    ['baseline', BASELINE, baselineEnv(work)],
  ] as const) {
    const logFile = join(work.logs, `warm-up-${side}.log`);
    const result = await measureCommand(process.execPath, [ASTRO, 'sync', '--root', root], { cwd: work.cwd[side], env, logFile });
    if (result.exitCode !== 0) throw failure(`astro sync of ${side}`, result, logFile);
  }
}
