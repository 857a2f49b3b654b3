/**
 * From the builds of a run to its figures: per-pair ratios, per-side medians of Astro's phases, ours' warm rebuilds
 * against its cold builds, and the values the targets judge. Pure, so that a result can be checked against the
 * measurements it was computed from.
 */
import type { SectionTime } from './astro-log.ts';
import { type Build, isWarm } from './measure-build.ts';
import type { SearchFigure } from './measure-search.ts';
import type { SiteSize } from './site-size.ts';
import { median, pairRatios, ratio, spread } from './stats.ts';
import type { TargetFigures } from './targets.ts';
import type { Side } from './workspace.ts';

/** The cold builds of one side: the ones compared across sides. */
export const pick = (builds: readonly Build[], side: Side) => builds.filter((build) => build.side === side && !isWarm(build));

/** The median of the values the builds have; undefined when none has one (an old log format, a failed parse). */
export function medianOf(builds: readonly Build[], value: (build: Build) => number | undefined): number | undefined {
  const values = builds.map(value).filter((item) => item !== undefined);
  return values.length > 0 ? median(values) : undefined;
}

/** Median and range of ours / baseline over the pairs, for each of wall time, peak memory and CPU time. */
export function buildRatios(all: readonly Build[]) {
  const builds = all.filter((build) => !isWarm(build));
  const pairs = [...new Set(builds.map((build) => build.pair))].sort((a, b) => a - b);
  const of = (value: (build: Build) => number) =>
    pairRatios(
      pairs.flatMap((pair) => {
        const ours = builds.find((build) => build.pair === pair && build.side === 'ours');
        const baseline = builds.find((build) => build.pair === pair && build.side === 'baseline');
        return ours && baseline ? [{ ours: value(ours), baseline: value(baseline) }] : [];
      }),
    );
  return { wall: of((build) => build.wallMs), peakRss: of((build) => build.peakRssBytes), cpu: of((build) => build.cpuMs) };
}

export type BuildRatios = ReturnType<typeof buildRatios>;

/** Median phase timings of one side, from Astro's log (and the baseline's pagefind run). */
export function phaseMedians(builds: readonly Build[]) {
  return {
    contentSyncMs: medianOf(builds, (build) => build.phases.contentSyncMs),
    viteBuildsMs: medianOf(builds, (build) => (build.phases.viteBuildsMs.length > 0 ? build.phases.viteBuildsMs.reduce((a, b) => a + b, 0) : undefined)),
    staticRoutesMs: medianOf(builds, (build) => build.phases.staticRoutesMs),
    afterBuildMs: medianOf(builds, (build) =>
      build.phases.totalMs !== undefined && build.phases.collectMs !== undefined && build.phases.staticBuildMs !== undefined
        ? build.phases.totalMs - build.phases.collectMs - build.phases.staticBuildMs
        : undefined,
    ),
    astroTotalMs: medianOf(builds, (build) => build.phases.totalMs),
    // Node start-up, loading the config and integrations' setup hooks: before Astro starts its own clock.
    startupMs: medianOf(builds, (build) =>
      build.phases.totalMs === undefined ? undefined : build.wallMs - (build.pagefindCli?.wallMs ?? 0) - build.phases.totalMs,
    ),
    pagefindCliMs: medianOf(builds, (build) => build.pagefindCli?.wallMs),
    wallMs: medianOf(builds, (build) => build.wallMs),
    sections: sectionMedians(builds),
    afterBuildSteps: stepMedians(builds),
  };
}

export type PhaseMedians = ReturnType<typeof phaseMedians>;

/** Per integration that logged after the build proper (our pagefind, the offline zip), the median of its time. */
export function stepMedians(builds: readonly Build[]): { integration: string; ms: number }[] {
  const names = [...new Set(builds.flatMap((build) => build.phases.afterBuildSteps.map((step) => step.integration)))];
  return names.map((integration) => ({
    integration,
    ms: median(builds.flatMap((build) => build.phases.afterBuildSteps.filter((step) => step.integration === integration).map((step) => step.ms))),
  }));
}

/** Per section of the site, the pages and the median of their summed render times over the builds, slowest first. */
export function sectionMedians(builds: readonly Build[]): SectionTime[] {
  const names = [...new Set(builds.flatMap((build) => build.phases.sections.map((section) => section.section)))];
  return names
    .map((section) => {
      const found = builds.flatMap((build) => build.phases.sections.filter((item) => item.section === section));
      return { section, pages: Math.max(...found.map((item) => item.pages)), ms: median(found.map((item) => item.ms)) };
    })
    .sort((a, b) => b.ms - a.ms);
}

/** Where the builds' memory peaked, counted: `static routes ×2, after build`. */
export function peakPhases(builds: readonly Build[]): string {
  const counts = new Map<string, number>();
  for (const build of builds) counts.set(build.peakPhase ?? '?', (counts.get(build.peakPhase ?? '?') ?? 0) + 1);
  return [...counts].map(([phase, count]) => (count > 1 ? `${phase} ×${count}` : phase)).join(', ');
}

/**
 * Ours' warm rebuilds, each against the cold build of its own pair (which it followed, on the same machine state):
 * the median and range of warm / cold per pair, and of the warm figures themselves. "What Astro renders" is taken
 * as the static-route generation (`generating static routes … ✓ Completed in`), which also holds the copying of
 * restored pages; the `.md` corpus renders its Markdown earlier, in the content sync. Undefined when the run had
 * no warm builds (`--skip-warm`, or a result written before they were measured).
 */
export function warmFigures(builds: readonly Build[]) {
  const warm = builds.filter(isWarm);
  if (warm.length === 0) return undefined;
  const withCold = warm.flatMap((build) => {
    const cold = builds.find((other) => other.pair === build.pair && other.side === build.side && !isWarm(other));
    return cold ? [{ warm: build, cold }] : [];
  });
  // pairRatios names its two sides ours / baseline: here they are warm / cold.
  const warmOverCold = (value: (build: Build) => number | undefined) =>
    pairRatios(
      withCold.flatMap(({ warm, cold }) => {
        const [w, c] = [value(warm), value(cold)];
        return w === undefined || c === undefined ? [] : [{ ours: w, baseline: c }];
      }),
    );
  const values = (value: (build: Build) => number | undefined) => {
    const found = warm.map(value).filter((item) => item !== undefined);
    return found.length > 0 ? spread(found) : undefined;
  };
  return {
    builds: warm.length,
    wallMs: values((build) => build.wallMs),
    staticRoutesMs: values((build) => build.phases.staticRoutesMs),
    restoredPages: values((build) => build.restoredPages),
    pages: values((build) => build.phases.pages),
    ratios: {
      wall: warmOverCold((build) => build.wallMs),
      staticRoutes: warmOverCold((build) => build.phases.staticRoutesMs),
      cpu: warmOverCold((build) => build.cpuMs),
      peakRss: warmOverCold((build) => build.peakRssBytes),
    },
    phases: phaseMedians(warm),
  };
}

export type WarmFigures = NonNullable<ReturnType<typeof warmFigures>>;

export function targetFigures(
  ratios: BuildRatios,
  size: { ours: SiteSize; baseline: SiteSize },
  search: SearchFigure,
  warm?: WarmFigures | undefined,
): TargetFigures {
  return {
    buildWallRatio: ratios.wall?.median,
    peakRssRatio: ratios.peakRss?.median,
    runbookHtmlGzipRatio: ratio(size.ours.runbookHtml.gzipBytes, size.baseline.runbookHtml.gzipBytes),
    jsBeforeSearchGzipBytes: size.ours.jsBeforeSearch.gzipBytes,
    searchMedianMs: 'medianMs' in search ? search.medianMs : undefined,
    warmStaticRoutesRatio: warm?.ratios.staticRoutes?.median,
    warmWallRatio: warm?.ratios.wall?.median,
  };
}
