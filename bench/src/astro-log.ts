/**
 * Astro's own timings, read back from the log of `astro build`, so that the benchmark can say which phase a slow
 * build spends its time in without instrumenting the site. Astro prints, among the page list:
 *
 *   [types] Generated 3.85s                      content sync (for `.md`, rendering them too) and types
 *   [build] Collecting build info...
 *   [build] ✓ Completed in 4.23s.                the above and the route list
 *   [build] Building static entrypoints...
 *   [vite] ✓ built in 39.21s                     one line per Vite build (server bundle with every MDX compiled, client)
 *    generating static routes                    then, after the page list,
 *   ✓ Completed in 33.87s.                       rendering every page to HTML
 *   [build] ✓ Completed in 1m 14s.               from "Building static entrypoints" to here
 *   [build] 5013 page(s) built in 1m 23s         everything, `astro:build:done` hooks (our pagefind) included
 *
 * and, for each page, `├─ /runbooks/db/latency/index.html (+12ms)`, summed here per top-level section. An
 * incremental rebuild (`experimental.incrementalBuild`) prints `├─ /runbooks/db/latency/index.html (restored)`, or
 * `(cached)`, instead for a page it copied from the previous build rather than rendered: countRestoredPages.
 */

/** Milliseconds in an Astro duration: `55ms`, `33.87s`, `1m 14s`, `1h 2m 3s`; undefined when it is not one. */
export function parseAstroDuration(text: string): number | undefined {
  const match = /^(?:(\d+)h\s*)?(?:(\d+)m(?!s)\s*)?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?$/.exec(text.trim());
  if (!match || !/\d/.test(text)) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0', milliseconds = '0'] = match;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Number(milliseconds);
}

export interface AstroPhases {
  /** `[types] Generated`: content sync (reading and validating every entry) and type generation. */
  contentSyncMs?: number | undefined;
  /** Each `[vite] ✓ built in`: the server bundle (where every MDX file is compiled), then the client bundle. */
  viteBuildsMs: number[];
  /** `generating static routes … ✓ Completed in`: rendering every page. */
  staticRoutesMs?: number | undefined;
  /** `Collecting build info… ✓ Completed in`: content sync and the route list. */
  collectMs?: number | undefined;
  /** `Building static entrypoints… ✓ Completed in`: the Vite builds and rendering. */
  staticBuildMs?: number | undefined;
  /** `page(s) built in`: the whole build, hooks included. */
  totalMs?: number | undefined;
  pages?: number | undefined;
  /** Rendering time per top-level section of the site (`/runbooks/`, `/alerts/`, `/index.html` …), largest first. */
  sections: SectionTime[];
  /**
   * What each integration logged after the build proper, with the seconds since the previous step (log timestamps
   * have one-second resolution): `[runbooks:pagefind] indexed 5015 pages` 27 s after `[build] ✓ Completed`.
   */
  afterBuildSteps: { integration: string; message: string; ms: number }[];
}

export interface SectionTime {
  section: string;
  pages: number;
  ms: number;
}

// Colours are off when Astro writes to a file, but a log captured from a terminal has them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts every ANSI colour sequence.
const ANSI = /\x1b\[[0-9;]*m/g;

export function parseAstroLog(log: string): AstroPhases {
  const phases: AstroPhases = { viteBuildsMs: [], sections: [], afterBuildSteps: [] };
  const sections = new Map<string, SectionTime>();
  let section: string | undefined;
  let previousStep: number | undefined; // seconds of the day of the last step after the build proper
  for (const rawLine of log.split('\n')) {
    const plain = rawLine.replace(ANSI, '');
    const clock = /^(\d\d):(\d\d):(\d\d)\s/.exec(plain);
    const seconds = clock ? Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]) : undefined;
    const line = plain.replace(/^\d\d:\d\d:\d\d\s+/, '').trim();
    let match: RegExpExecArray | null;
    const integration = /^\[([\w@/.-]+:[\w@/.:-]+)\] (.+)$/.exec(line);
    if (integration && previousStep !== undefined && seconds !== undefined) {
      // A build that crosses midnight wraps the clock.
      phases.afterBuildSteps.push({
        integration: integration[1]!,
        message: integration[2]!,
        ms: ((((seconds - previousStep) % 86400) + 86400) % 86400) * 1000,
      });
      previousStep = seconds;
      continue;
    }
    if ((match = /^[├└]─ (\/\S*) \(\+([^)]+)\)$/.exec(line))) {
      // Each page line carries the time it took: `├─ /runbooks/db/latency/index.html (+12ms)`, or `(+1.41s)`.
      const name = /^\/[^/]+\//.exec(match[1]!)?.[0] ?? match[1]!;
      const entry = sections.get(name) ?? { section: name, pages: 0, ms: 0 };
      entry.pages += 1;
      entry.ms += parseAstroDuration(match[2]!) ?? 0;
      sections.set(name, entry);
    } else if ((match = /^\[types\] Generated (.+)$/.exec(line))) {
      phases.contentSyncMs = parseAstroDuration(match[1]!);
    } else if ((match = /^\[vite\] ✓ built in (.+)$/.exec(line))) {
      const ms = parseAstroDuration(match[1]!);
      if (ms !== undefined) phases.viteBuildsMs.push(ms);
    } else if (/^generating (.+)$/.test(line) || /^\[build\] (Collecting build info|Building static entrypoints)\.\.\.$/.test(line)) {
      section = line;
    } else if ((match = /^✓ Completed in (.+?)\.?$/.exec(line))) {
      if (section === 'generating static routes') phases.staticRoutesMs = parseAstroDuration(match[1]!);
      section = undefined;
    } else if ((match = /^\[build\] ✓ Completed in (.+?)\.?$/.exec(line))) {
      if (section === '[build] Collecting build info...') phases.collectMs = parseAstroDuration(match[1]!);
      else {
        // After "Building static entrypoints", whose "Completed" comes after the routes' own one.
        phases.staticBuildMs = parseAstroDuration(match[1]!);
        previousStep = seconds;
      }
      section = undefined;
    } else if ((match = /^\[build\] (\d+) page\(s\) built in (.+)$/.exec(line))) {
      phases.pages = Number(match[1]);
      phases.totalMs = parseAstroDuration(match[2]!);
    }
  }
  phases.sections = [...sections.values()].sort((a, b) => b.ms - a.ms || a.section.localeCompare(b.section));
  return phases;
}

/**
 * The pages an incremental rebuild copied from the previous build instead of rendering them: `(restored)` from
 * Astro's cache, `(cached)` when the page was already in the output folder. Both count as restored here.
 */
export function countRestoredPages(log: string): number {
  const copied = /^[├└]─ \/.* \((?:restored|cached)\)$/;
  return log.split('\n').filter((line) =>
    copied.test(
      line
        .replace(ANSI, '')
        .replace(/^\d\d:\d\d:\d\d\s+/, '')
        .trim(),
    ),
  ).length;
}

export type BuildPhase = 'start-up' | 'content sync' | 'vite builds' | 'static routes' | 'after build';

/**
 * The phase a build was in `atMs` after its process started, given the time before Astro's clock started
 * (`startupMs`). Phases follow each other in the order Astro runs them; "Rearranging server assets" and other short
 * steps between them count with the phase before. Undefined when the log lacks the timings to tell.
 */
export function phaseAt(phases: AstroPhases, startupMs: number, atMs: number): BuildPhase | undefined {
  const { collectMs, staticRoutesMs, staticBuildMs } = phases;
  if (collectMs === undefined || staticRoutesMs === undefined || staticBuildMs === undefined) return undefined;
  const viteEnd = startupMs + collectMs + (staticBuildMs - staticRoutesMs);
  const ends: [BuildPhase, number][] = [
    ['start-up', startupMs],
    ['content sync', startupMs + collectMs],
    ['vite builds', viteEnd],
    ['static routes', startupMs + collectMs + staticBuildMs],
  ];
  return ends.find(([, end]) => atMs < end)?.[0] ?? 'after build';
}
