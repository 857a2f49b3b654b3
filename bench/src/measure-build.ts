/**
 * The measured builds: ours and the baseline's, cold, in pairs whose order alternates, so that drift in the
 * machine's speed over a run hits both sides evenly. Wall time, peak RSS and CPU time cover each whole process tree.
 */
import { readFileSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { formatBytes } from '../../src/lib/format.ts';
import { type AstroPhases, type BuildPhase, parseAstroLog, phaseAt } from './astro-log.ts';
import { failure, log } from './messages.ts';
import { ASTRO, BASELINE, REPO } from './paths.ts';
import { type Measurement, measureCommand } from './process-tree.ts';
import { formatMs } from './table.ts';
import { baseEnv, baselineEnv, ourEnv, type Side, type Workspace } from './workspace.ts';

export interface Build extends Measurement {
  side: Side;
  pair: number;
  /** Astro's own phase timings, from its log. */
  phases: AstroPhases;
  /** The baseline's separate `pagefind --site` run, included in its wall time, memory and CPU. */
  pagefindCli?: Measurement | undefined;
  /** The phase the build was in when its memory peaked. */
  peakPhase?: BuildPhase | 'pagefind --site' | undefined;
  log: string;
}

/** Ours first in odd pairs, the baseline first in even ones. */
export function buildOrder(pair: number): Side[] {
  return pair % 2 === 1 ? ['ours', 'baseline'] : ['baseline', 'ours'];
}

export async function runBuilds(work: Workspace, pairs: number): Promise<Build[]> {
  const builds: Build[] = [];
  for (let pair = 1; pair <= pairs; pair++) {
    for (const side of buildOrder(pair)) {
      log(`pair ${pair}/${pairs}: building ${side}…`);
      const result = await measureBuild(side, pair, work);
      builds.push(result);
      log(`pair ${pair}/${pairs}: ${side} ${formatMs(result.wallMs)}, peak ${formatBytes(result.peakRssBytes)}, cpu ${formatMs(result.cpuMs)}`);
    }
  }
  return builds;
}

/** Resolved once: `node_modules/.bin/pagefind` is a link, and `node` wants the script it points at. */
let pagefind: string | undefined;
const pagefindScript = () => (pagefind ??= realpathSync(join(REPO, 'node_modules/.bin/pagefind')));

async function measureBuild(side: Side, pair: number, work: Workspace): Promise<Build> {
  // Cold: no output and no Astro cache (where rendered Markdown is kept) from an earlier build.
  rmSync(work.out[side], { recursive: true, force: true });
  rmSync(work.cache[side], { recursive: true, force: true });
  const logFile = join(work.logs, `${side}-${pair}.log`);
  if (side === 'ours') {
    // Our build runs pagefind itself, in `astro:build:done` (src/plugins/post-build.ts).
    const result = await measureCommand(process.execPath, [ASTRO, 'build', '--root', REPO], { cwd: work.cwd.ours, env: ourEnv(work), logFile });
    if (result.exitCode !== 0) throw failure(`our build (pair ${pair})`, result, logFile);
    const phases = parseAstroLog(readFileSync(logFile, 'utf8'));
    return { ...result, side, pair, phases, peakPhase: peakPhase(phases, result), log: logFile };
  }
  const astro = await measureCommand(process.execPath, [ASTRO, 'build', '--root', BASELINE], { cwd: work.cwd.baseline, env: baselineEnv(work), logFile });
  if (astro.exitCode !== 0) throw failure(`the baseline build (pair ${pair})`, astro, logFile);
  const pagefindLog = join(work.logs, `${side}-${pair}-pagefind.log`);
  const pagefind = await measureCommand(process.execPath, [pagefindScript(), '--site', work.out.baseline], { cwd: REPO, env: baseEnv(), logFile: pagefindLog });
  if (pagefind.exitCode !== 0) throw failure(`pagefind on the baseline (pair ${pair})`, pagefind, pagefindLog);
  const phases = parseAstroLog(readFileSync(logFile, 'utf8'));
  return { ...combine(astro, pagefind, peakPhase(phases, astro)), side, pair, phases, pagefindCli: pagefind, log: logFile };
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
