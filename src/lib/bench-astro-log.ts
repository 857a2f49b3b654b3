/**
 * Astro's own timings, read back from the log of `astro build`, so that the benchmark can say which phase a slow
 * build spends its time in without instrumenting the site. Astro prints, among the page list:
 *
 *   [types] Generated 3.85s                      content sync and type generation
 *   [vite] ✓ built in 39.21s                     one line per Vite build (server bundle with every MDX compiled, client)
 *    generating static routes                    then, after the page list,
 *   ✓ Completed in 33.87s.                       rendering every page to HTML
 *   [build] ✓ Completed in 1m 14s.               the build up to the `astro:build:done` hooks
 *   [build] 5013 page(s) built in 1m 23s         everything, hooks (our pagefind indexing) included
 *
 * and, for each page, `├─ /runbooks/db/latency/index.html (+12ms)`, summed here per top-level section.
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
  /** The last `[build] ✓ Completed in`: the whole build before the `astro:build:done` hooks. */
  buildMs?: number | undefined;
  /** `page(s) built in`: the whole build, hooks included. */
  totalMs?: number | undefined;
  pages?: number | undefined;
  /** Rendering time per top-level section of the site (`/runbooks/`, `/alerts/`, `/index.html` …), largest first. */
  sections: SectionTime[];
}

export interface SectionTime {
  section: string;
  pages: number;
  ms: number;
}

// Colours are off when Astro writes to a file, but a log captured from a terminal has them.
const ANSI = /\x1b\[[0-9;]*m/g;

export function parseAstroLog(log: string): AstroPhases {
  const phases: AstroPhases = { viteBuildsMs: [], sections: [] };
  const sections = new Map<string, SectionTime>();
  let section: string | undefined;
  for (const rawLine of log.split('\n')) {
    const line = rawLine.replace(ANSI, '').replace(/^\d\d:\d\d:\d\d\s+/, '').trim();
    let match: RegExpExecArray | null;
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
    } else if (/^generating (.+)$/.test(line)) {
      section = line;
    } else if ((match = /^✓ Completed in (.+?)\.?$/.exec(line))) {
      if (section === 'generating static routes') phases.staticRoutesMs = parseAstroDuration(match[1]!);
      section = undefined;
    } else if ((match = /^\[build\] ✓ Completed in (.+?)\.?$/.exec(line))) {
      phases.buildMs = parseAstroDuration(match[1]!);
    } else if ((match = /^\[build\] (\d+) page\(s\) built in (.+)$/.exec(line))) {
      phases.pages = Number(match[1]);
      phases.totalMs = parseAstroDuration(match[2]!);
    }
  }
  phases.sections = [...sections.values()].sort((a, b) => b.ms - a.ms || a.section.localeCompare(b.section));
  return phases;
}
