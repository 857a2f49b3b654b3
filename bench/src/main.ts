/**
 * `npm run bench`: builds a generated corpus with our site and with the bare stack (bench/baseline), and measures
 * what our features cost: build time and memory (ratios ours / baseline), page weight, JavaScript before search,
 * search latency in Chromium and the PDF time.
 *
 *   npm run bench -- [--count 1000] [--pairs 3] [--ext mdx|md] [--search-runs 10] [--skip-search] [--skip-pdf]
 *                    [--type-delay 0] [--pdf-timeout 20] [--generator PATH] [--keep]
 *   npm run bench -- --print bench/results/<file>.json
 *
 * The corpus comes from `../shared/bench/gen-corpus.mjs` beside the repository (`--generator` or
 * `BENCH_GENERATOR` point elsewhere). Builds are cold: each one starts without its output folder and without
 * Astro's cache folder (where rendered Markdown is kept). Ours and the baseline are built in pairs, the first
 * of a pair alternating (ours first in odd pairs), so that drift in the machine's speed hits both sides evenly;
 * the figures are the median and range of the per-pair ratios. Both sides run `node node_modules/astro/bin/astro.mjs
 * build` directly (as `npx astro build` would, without npm's own start-up in the measurement); the baseline then
 * runs `pagefind --site`, which ours does inside its build. Wall time, peak RSS and CPU time cover each whole
 * process tree. CPU time is reported beside wall time because it hardly moves when other work shares the machine.
 * `--type-delay` is the pause between keystrokes when typing alert names (0: as fast as Playwright types).
 * Results go to `bench/results/<date>-<N>[-md].json` and are printed as tables with the targets of issue 7
 * marked PASS or FAIL.
 * Exits 1 when a build or a measurement fails, 2 when the command line is wrong.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readContent } from '../../src/node/read-content.ts';
import { serveStatic } from '../../src/node/static-server.ts';
import { type AstroPhases, type BuildPhase, parseAstroLog, phaseAt, type SectionTime } from './astro-log.ts';
import { type Measurement, measureCommand } from './process-tree.ts';
import { measureSearch, type SearchTiming } from './search-latency.ts';
import { measureSite, type SiteSize } from './site-size.ts';
import { evenlySpaced, median, pairRatios, ratio, type Spread } from './stats.ts';
import { formatBytes, formatMs, formatRatio, formatSpread, formatTable, formatTargets } from './table.ts';
import { evaluateTargets, type TargetResult } from './targets.ts';

const USAGE = `usage: npm run bench -- [--count N] [--pairs P] [--ext mdx|md] [--search-runs 10] [--skip-search] [--skip-pdf]
                        [--type-delay MS] [--pdf-timeout MINUTES] [--generator PATH] [--keep]
       npm run bench -- --print bench/results/<file>.json     print the tables of an earlier run`;

const REPO = resolve(import.meta.dirname, '../..');
const BASELINE = join(REPO, 'bench/baseline');
const ASTRO = join(REPO, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = realpathSync(join(REPO, 'node_modules/.bin/pagefind'));

class UsageError extends Error {}
class BenchError extends Error {}

interface Options {
  count: number;
  pairs: number;
  ext: 'md' | 'mdx';
  searchRuns: number;
  skipSearch: boolean;
  skipPdf: boolean;
  typeDelayMs: number;
  pdfTimeoutMs: number;
  generator: string;
  keep: boolean;
}

function parseOptions(argv: string[]): Options | { print: string } | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        count: { type: 'string', default: '1000' },
        pairs: { type: 'string', default: '3' },
        ext: { type: 'string', default: 'mdx' },
        'search-runs': { type: 'string', default: '10' },
        'skip-search': { type: 'boolean', default: false },
        'skip-pdf': { type: 'boolean', default: false },
        'type-delay': { type: 'string', default: '0' },
        'pdf-timeout': { type: 'string', default: '20' },
        generator: { type: 'string' },
        keep: { type: 'boolean', default: false },
        print: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
  if (values.help) return undefined;
  if (values.print) return { print: values.print };
  const whole = (name: string, text: string, min: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}, got "${text}"`);
    return value;
  };
  if (values.ext !== 'md' && values.ext !== 'mdx') throw new UsageError(`--ext must be md or mdx, got "${values.ext}"`);
  const generator = resolve(values.generator ?? process.env['BENCH_GENERATOR'] ?? join(REPO, '../shared/bench/gen-corpus.mjs'));
  if (!existsSync(generator)) throw new UsageError(`no corpus generator at ${generator} (--generator PATH or BENCH_GENERATOR)`);
  return {
    count: whole('count', values.count, 1),
    pairs: whole('pairs', values.pairs, 1),
    ext: values.ext,
    searchRuns: whole('search-runs', values['search-runs'], 1),
    skipSearch: values['skip-search'],
    skipPdf: values['skip-pdf'],
    typeDelayMs: whole('type-delay', values['type-delay'], 0),
    pdfTimeoutMs: whole('pdf-timeout', values['pdf-timeout'], 1) * 60_000,
    generator,
    keep: values.keep,
  };
}

type Side = 'ours' | 'baseline';

interface Build extends Measurement {
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

interface Workspace {
  root: string;
  content: string;
  /**
   * The working directory of each side's builds, holding its output and cache folders. Astro writes the server
   * chunks of a static build to `<outDir>/.prerender/` only when outDir is inside the working directory, and to
   * `<cwd>/.astro/.prerender/` otherwise, where any other build of the checkout with an outside outDir
   * overwrites them mid-build ("Cannot find module …/.astro/.prerender/chunks/…"). So each side builds from its
   * own folder, with `--root` pointing at the project, and the workspace links to the repository's node_modules
   * so that those chunks still resolve their packages.
   */
  cwd: Record<Side, string>;
  out: Record<Side, string>;
  cache: Record<Side, string>;
  logs: string;
}

function log(message: string): void {
  console.error(`bench: ${message}`);
}

const baseEnv = (): NodeJS.ProcessEnv => ({ ...process.env, ASTRO_TELEMETRY_DISABLED: '1' });

function ourEnv(work: Workspace): NodeJS.ProcessEnv {
  return { ...baseEnv(), RUNBOOKS_CONTENT_DIR: work.content, RUNBOOKS_OUT_DIR: work.out.ours, RUNBOOKS_CACHE_DIR: work.cache.ours };
}

function baselineEnv(work: Workspace): NodeJS.ProcessEnv {
  return { ...baseEnv(), BENCH_CONTENT_DIR: work.content, BENCH_OUT_DIR: work.out.baseline, BENCH_CACHE_DIR: work.cache.baseline };
}

function failed(what: string, result: Measurement, logFile: string): BenchError {
  // Chromium's own chatter (`[pid=…][err] …dbus…`) would hide the tool's message.
  const lines = readFileSync(logFile, 'utf8')
    .trimEnd()
    .split('\n')
    .filter((line) => !line.startsWith('[pid='));
  const how = result.timedOut ? `killed after ${formatMs(result.wallMs)}` : `exit ${result.exitCode ?? result.signal}`;
  return new BenchError(`${what} failed (${how}); log: ${logFile}\n${lines.slice(-15).join('\n')}`);
}

async function build(side: Side, pair: number, work: Workspace): Promise<Build> {
  // Cold: no output and no Astro cache from an earlier build.
  rmSync(work.out[side], { recursive: true, force: true });
  rmSync(work.cache[side], { recursive: true, force: true });
  const logFile = join(work.logs, `${side}-${pair}.log`);
  if (side === 'ours') {
    // Our build runs pagefind itself, in `astro:build:done` (src/plugins/write-search-index.ts).
    const result = await measureCommand(process.execPath, [ASTRO, 'build', '--root', REPO], { cwd: work.cwd.ours, env: ourEnv(work), logFile });
    if (result.exitCode !== 0) throw failed(`our build (pair ${pair})`, result, logFile);
    const phases = parseAstroLog(readFileSync(logFile, 'utf8'));
    return { ...result, side, pair, phases, peakPhase: peakPhase(phases, result), log: logFile };
  }
  const astro = await measureCommand(process.execPath, [ASTRO, 'build', '--root', BASELINE], { cwd: work.cwd.baseline, env: baselineEnv(work), logFile });
  if (astro.exitCode !== 0) throw failed(`the baseline build (pair ${pair})`, astro, logFile);
  const pagefindLog = join(work.logs, `${side}-${pair}-pagefind.log`);
  const pagefind = await measureCommand(process.execPath, [PAGEFIND, '--site', work.out.baseline], { cwd: REPO, env: baseEnv(), logFile: pagefindLog });
  if (pagefind.exitCode !== 0) throw failed(`pagefind on the baseline (pair ${pair})`, pagefind, pagefindLog);
  const phases = parseAstroLog(readFileSync(logFile, 'utf8'));
  const pagefindPeaks = pagefind.peakRssBytes > astro.peakRssBytes;
  return {
    side,
    pair,
    wallMs: astro.wallMs + pagefind.wallMs,
    peakRssBytes: Math.max(astro.peakRssBytes, pagefind.peakRssBytes),
    peakAtMs: pagefindPeaks ? astro.wallMs + pagefind.peakAtMs : astro.peakAtMs,
    peakPhase: pagefindPeaks ? 'pagefind --site' : peakPhase(phases, astro),
    cpuMs: astro.cpuMs + pagefind.cpuMs,
    samples: astro.samples + pagefind.samples,
    exitCode: 0,
    signal: null,
    timedOut: false,
    phases,
    pagefindCli: pagefind,
    log: logFile,
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
async function warmUp(work: Workspace): Promise<void> {
  for (const [side, root, env] of [
    ['ours', REPO, ourEnv(work)],
    ['baseline', BASELINE, baselineEnv(work)],
  ] as const) {
    const logFile = join(work.logs, `warm-up-${side}.log`);
    const result = await measureCommand(process.execPath, [ASTRO, 'sync', '--root', root], { cwd: work.cwd[side], env, logFile });
    if (result.exitCode !== 0) throw failed(`astro sync of ${side}`, result, logFile);
  }
}

/** Ten alerts spread over the corpus (alternating first and last alert of a runbook, to mix naming styles). */
function searchQueries(contentRoot: string, runs: number): { alert: string; path: string }[] {
  const pages = readContent(contentRoot).pages.filter((page) => (page.data?.alerts.length ?? 0) > 0);
  return evenlySpaced(pages, runs).map((page, index) => {
    const alerts = page.data!.alerts;
    return { alert: index % 2 === 0 ? alerts[0]! : alerts.at(-1)!, path: `/runbooks/${page.slug}/` };
  });
}

interface SearchResult {
  typeDelayMs: number;
  medianMs: number | undefined;
  minMs?: number;
  maxMs?: number;
  failed: number;
  alreadyFirst: number;
  queries: SearchTiming[];
}

async function benchSearch(work: Workspace, options: Options): Promise<SearchResult> {
  const queries = searchQueries(work.content, options.searchRuns);
  const server = await serveStatic({ dir: work.out.ours });
  try {
    const timings = await measureSearch(server.url.replace(/\/$/, ''), queries, { typeDelayMs: options.typeDelayMs });
    // A query whose runbook never came first counts as infinitely slow: it must not improve the median.
    const times = timings.map((timing) => timing.shownMs ?? Number.POSITIVE_INFINITY);
    const found = times.filter(Number.isFinite);
    return {
      typeDelayMs: options.typeDelayMs,
      medianMs: median(times),
      ...(found.length > 0 && { minMs: Math.min(...found), maxMs: Math.max(...found) }),
      failed: timings.filter((timing) => timing.error).length,
      alreadyFirst: timings.filter((timing) => timing.alreadyFirst).length,
      queries: timings,
    };
  } finally {
    await server.close();
  }
}

interface PdfResult {
  skipped?: string;
  wallMs?: number;
  peakRssBytes?: number;
  cpuMs?: number;
  bytes?: number;
  error?: string;
}

async function benchPdf(work: Workspace, options: Options): Promise<PdfResult> {
  if (options.skipPdf) return { skipped: '--skip-pdf' };
  const scripts = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  const command = scripts['pdf'];
  if (!command) return { skipped: 'package.json has no "pdf" script yet' };
  const match = /^node (\S+\.ts)$/.exec(command);
  if (!match) return { skipped: `"pdf" script is not "node <file>.ts": ${command}` };
  const logFile = join(work.logs, 'pdf.log');
  const result = await measureCommand(process.execPath, [match[1]!], { cwd: REPO, env: ourEnv(work), logFile, timeoutMs: options.pdfTimeoutMs });
  const pdf = join(work.out.ours, 'runbooks.pdf');
  if (result.exitCode !== 0) return { error: failed('npm run pdf', result, logFile).message, wallMs: result.wallMs, peakRssBytes: result.peakRssBytes };
  return { wallMs: result.wallMs, peakRssBytes: result.peakRssBytes, cpuMs: result.cpuMs, ...(existsSync(pdf) && { bytes: statSync(pdf).size }) };
}

function gitState(): { commit: string; dirty: boolean } | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return undefined;
  }
}

const pick = (builds: Build[], side: Side) => builds.filter((build) => build.side === side);
const medianOf = (builds: Build[], value: (build: Build) => number | undefined) => {
  const values = builds.map(value).filter((item) => item !== undefined);
  return values.length > 0 ? median(values) : undefined;
};

/** Median phase timings of one side, from Astro's log (and the baseline's pagefind run). */
function phaseMedians(builds: Build[]) {
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

/** Per integration that logged after the build proper (our pagefind, the offline zip), the median of its time. */
function stepMedians(builds: Build[]): { integration: string; ms: number }[] {
  const names = [...new Set(builds.flatMap((build) => build.phases.afterBuildSteps.map((step) => step.integration)))];
  return names.map((integration) => ({
    integration,
    ms: median(builds.flatMap((build) => build.phases.afterBuildSteps.filter((step) => step.integration === integration).map((step) => step.ms))),
  }));
}

/** Per section of the site, the pages and the median of their summed render times over the builds. */
function sectionMedians(builds: Build[]): SectionTime[] {
  const names = [...new Set(builds.flatMap((build) => build.phases.sections.map((section) => section.section)))];
  return names
    .map((section) => {
      const found = builds.flatMap((build) => build.phases.sections.filter((item) => item.section === section));
      return { section, pages: Math.max(...found.map((item) => item.pages)), ms: median(found.map((item) => item.ms)) };
    })
    .sort((a, b) => b.ms - a.ms);
}

/** `static routes ×2, after build` */
function peakPhases(builds: Build[]): string {
  const counts = new Map<string, number>();
  for (const build of builds) counts.set(build.peakPhase ?? '?', (counts.get(build.peakPhase ?? '?') ?? 0) + 1);
  return [...counts].map(([phase, count]) => (count > 1 ? `${phase} ×${count}` : phase)).join(', ');
}

function printReport(report: Report): void {
  const { builds, ratios, size, search, pdf, targets, options } = report;
  const ours = pick(builds, 'ours');
  const base = pick(builds, 'baseline');
  const ms = (value: number | undefined) => (value === undefined ? '-' : formatMs(value));
  const bytes = (value: number | undefined) => (value === undefined ? '-' : formatBytes(value));
  const spread = (value: Spread | undefined) => (value ? formatSpread(value) : '-');
  const r = (a: number | undefined, b: number | undefined) => {
    const value = a === undefined || b === undefined ? undefined : ratio(a, b);
    return value === undefined ? '-' : formatRatio(value);
  };
  const out = (text: string) => console.log(`${text}\n`);

  out(
    `Benchmark: ${options.count} runbooks (.${options.ext}), ${options.pairs} cold build pair(s), ${report.machine.cpus} CPUs, load before ${report.machine.loadBefore.map((load) => load.toFixed(2)).join(' ')}`,
  );
  out(
    formatTable(
      ['Build', 'Ours (median)', 'Baseline (median)', 'Ours / baseline: median of pairs (range)'],
      [
        ['Wall time', ms(medianOf(ours, (b) => b.wallMs)), ms(medianOf(base, (b) => b.wallMs)), spread(ratios.wall)],
        ['Peak RSS (process tree)', bytes(medianOf(ours, (b) => b.peakRssBytes)), bytes(medianOf(base, (b) => b.peakRssBytes)), spread(ratios.peakRss)],
        ['  reached during', peakPhases(ours), peakPhases(base), ''],
        ['CPU time (user + system)', ms(medianOf(ours, (b) => b.cpuMs)), ms(medianOf(base, (b) => b.cpuMs)), spread(ratios.cpu)],
      ],
    ),
  );
  const po = report.phases.ours;
  const pb = report.phases.baseline;
  out(
    formatTable(
      ['Phase (Astro timing, median)', 'Ours', 'Baseline', 'Ours / baseline'],
      [
        ['Start-up (before Astro starts timing)', ms(po.startupMs), ms(pb.startupMs), r(po.startupMs, pb.startupMs)],
        ['Content sync + types (.md rendered here)', ms(po.contentSyncMs), ms(pb.contentSyncMs), r(po.contentSyncMs, pb.contentSyncMs)],
        ['Vite builds (MDX compiled here, bundle)', ms(po.viteBuildsMs), ms(pb.viteBuildsMs), r(po.viteBuildsMs, pb.viteBuildsMs)],
        ['Static routes (render pages)', ms(po.staticRoutesMs), ms(pb.staticRoutesMs), r(po.staticRoutesMs, pb.staticRoutesMs)],
        ['After build (astro:build:done hooks)', ms(po.afterBuildMs), ms(pb.afterBuildMs), r(po.afterBuildMs, pb.afterBuildMs)],
        ...po.afterBuildSteps.map((step) => [`  of which ${step.integration} (±1 s)`, ms(step.ms), '', '']),
        ['pagefind --site (baseline)', '', ms(pb.pagefindCliMs), ''],
        ['Astro total', ms(po.astroTotalMs), ms(pb.astroTotalMs), r(po.astroTotalMs, pb.astroTotalMs)],
        ['Wall (incl. process start)', ms(po.wallMs), ms(pb.wallMs), r(po.wallMs, pb.wallMs)],
      ],
    ),
  );
  const sectionNames = [...new Set([...po.sections, ...pb.sections].map((section) => section.section))];
  out(
    formatTable(
      ['Render time by section (sum of per-page times)', 'Ours', 'Pages', 'Baseline', 'Pages'],
      sectionNames.map((name) => {
        const o = po.sections.find((section) => section.section === name);
        const b = pb.sections.find((section) => section.section === name);
        return [name, ms(o?.ms), o ? String(o.pages) : '', ms(b?.ms), b ? String(b.pages) : ''];
      }),
    ),
  );
  out(
    formatTable(
      ['Output', 'Ours', 'Baseline', 'Ours / baseline'],
      [
        ['HTML pages', String(size.ours.htmlPages), String(size.baseline.htmlPages), r(size.ours.htmlPages, size.baseline.htmlPages)],
        ['Runbook pages', String(size.ours.runbookPages), String(size.baseline.runbookPages), ''],
        ['Output bytes', bytes(size.ours.bytes), bytes(size.baseline.bytes), r(size.ours.bytes, size.baseline.bytes)],
        [
          'Runbook page HTML (median, raw)',
          bytes(size.ours.runbookHtml.rawBytes),
          bytes(size.baseline.runbookHtml.rawBytes),
          r(size.ours.runbookHtml.rawBytes, size.baseline.runbookHtml.rawBytes),
        ],
        [
          'Runbook page HTML (median, gzip)',
          bytes(size.ours.runbookHtml.gzipBytes),
          bytes(size.baseline.runbookHtml.gzipBytes),
          r(size.ours.runbookHtml.gzipBytes, size.baseline.runbookHtml.gzipBytes),
        ],
        ['JS before search (gzip)', bytes(size.ours.jsBeforeSearch.gzipBytes), bytes(size.baseline.jsBeforeSearch.gzipBytes), ''],
        ['Pagefind bundle', bytes(size.ours.pagefindBytes), bytes(size.baseline.pagefindBytes), r(size.ours.pagefindBytes, size.baseline.pagefindBytes)],
      ],
    ),
  );
  if ('skipped' in search) out(`Search: skipped (${search.skipped})`);
  else {
    out(
      formatTable(
        ['Search (ours, Chromium)', 'Value'],
        [
          ['Exact alert → first result, median', ms(search.medianMs)],
          ['Range over the queries found', search.minMs === undefined ? '-' : `${ms(search.minMs)} – ${ms(search.maxMs)}`],
          ['Queries', String(search.queries.length)],
          ['Runbook not shown first', String(search.failed)],
          ['Already first before the last keystroke', String(search.alreadyFirst)],
          ['Typing delay per key', `${search.typeDelayMs} ms`],
        ],
      ),
    );
    for (const query of search.queries.filter((item) => item.error)) log(`search ${query.alert}: ${query.error}`);
  }
  if (pdf.skipped) out(`PDF: skipped (${pdf.skipped})`);
  else if (pdf.error) out(`PDF: failed after ${ms(pdf.wallMs)}, peak RSS ${bytes(pdf.peakRssBytes)}\n${pdf.error}`);
  else out(`PDF (npm run pdf at N = ${options.count}): ${ms(pdf.wallMs)}, peak RSS ${bytes(pdf.peakRssBytes)}, ${bytes(pdf.bytes)}`);
  out(formatTargets(targets));
  if (options.count !== 1000 || options.ext !== 'mdx') out('(The targets are set for N = 1000 and the .mdx corpus; at other sizes they are indicative only.)');
}

/** Milliseconds to the microsecond and ratios to 6 decimals are plenty; an unfound search result is `null`. */
function roundForJson(_key: string, value: unknown): unknown {
  if (typeof value !== 'number' || Number.isInteger(value)) return value;
  return Number.isFinite(value) ? Math.round(value * 1e6) / 1e6 : null;
}

interface Report {
  date: string;
  options: Options;
  git: { commit: string; dirty: boolean } | undefined;
  machine: { cpus: number; totalMemBytes: number; node: string; loadBefore: number[]; loadAfter: number[] };
  corpus: { files: number; generateMs: number };
  builds: Build[];
  ratios: { wall: Spread | undefined; peakRss: Spread | undefined; cpu: Spread | undefined };
  phases: { ours: ReturnType<typeof phaseMedians>; baseline: ReturnType<typeof phaseMedians> };
  size: { ours: SiteSize; baseline: SiteSize };
  search: SearchResult | { skipped: string };
  pdf: PdfResult;
  targets: TargetResult[];
}

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (!options) {
    console.log(USAGE);
    return 0;
  }
  if ('print' in options) {
    printReport(JSON.parse(readFileSync(options.print, 'utf8')) as Report);
    return 0;
  }
  const loadBefore = loadavg();
  const root = mkdtempSync(join(tmpdir(), 'runbooks-bench-'));
  const work: Workspace = {
    root,
    content: join(root, 'corpus'),
    cwd: { ours: join(root, 'ours'), baseline: join(root, 'baseline') },
    out: { ours: join(root, 'ours/dist'), baseline: join(root, 'baseline/dist') },
    cache: { ours: join(root, 'ours/cache'), baseline: join(root, 'baseline/cache') },
    logs: join(root, 'logs'),
  };
  for (const dir of [work.logs, work.cwd.ours, work.cwd.baseline]) mkdirSync(dir, { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  log(`working in ${root}`);
  try {
    const generated = await measureCommand(
      process.execPath,
      [options.generator, '--count', String(options.count), '--out', join(work.content, 'runbooks'), '--ext', options.ext],
      { logFile: join(work.logs, 'generate.log') },
    );
    if (generated.exitCode !== 0) throw failed('the corpus generator', generated, join(work.logs, 'generate.log'));
    log(`corpus of ${options.count} .${options.ext} runbooks written in ${formatMs(generated.wallMs)}`);

    log('warming up (astro sync of both sites, not measured)');
    await warmUp(work);

    const builds: Build[] = [];
    for (let pair = 1; pair <= options.pairs; pair++) {
      const order: Side[] = pair % 2 === 1 ? ['ours', 'baseline'] : ['baseline', 'ours'];
      for (const side of order) {
        log(`pair ${pair}/${options.pairs}: building ${side}…`);
        const result = await build(side, pair, work);
        builds.push(result);
        log(`pair ${pair}/${options.pairs}: ${side} ${formatMs(result.wallMs)}, peak ${formatBytes(result.peakRssBytes)}, cpu ${formatMs(result.cpuMs)}`);
      }
    }
    const pairsOf = (value: (build: Build) => number) =>
      Array.from({ length: options.pairs }, (_, index) => {
        const pair = builds.filter((build) => build.pair === index + 1);
        return { ours: value(pair.find((build) => build.side === 'ours')!), baseline: value(pair.find((build) => build.side === 'baseline')!) };
      });
    const ratios = {
      wall: pairRatios(pairsOf((build) => build.wallMs)),
      peakRss: pairRatios(pairsOf((build) => build.peakRssBytes)),
      cpu: pairRatios(pairsOf((build) => build.cpuMs)),
    };

    // Both output folders hold the last build of each side.
    const size = { ours: measureSite(work.out.ours), baseline: measureSite(work.out.baseline) };

    let search: Report['search'];
    if (options.skipSearch) search = { skipped: '--skip-search' };
    else {
      log(`search: ${options.searchRuns} exact alert names, each on a fresh page`);
      search = await benchSearch(work, options);
    }
    log('pdf…');
    const pdf = await benchPdf(work, options);

    const targets = evaluateTargets({
      buildWallRatio: ratios.wall?.median,
      peakRssRatio: ratios.peakRss?.median,
      runbookHtmlGzipRatio: ratio(size.ours.runbookHtml.gzipBytes, size.baseline.runbookHtml.gzipBytes),
      jsBeforeSearchGzipBytes: size.ours.jsBeforeSearch.gzipBytes,
      searchMedianMs: 'medianMs' in search ? search.medianMs : undefined,
    });
    const report: Report = {
      date: new Date().toISOString(),
      options: { ...options, generator: relative(REPO, options.generator) },
      git: gitState(),
      machine: { cpus: cpus().length, totalMemBytes: totalmem(), node: process.version, loadBefore, loadAfter: loadavg() },
      corpus: { files: options.count, generateMs: generated.wallMs },
      builds: builds.map((item) => ({ ...item, log: relative(root, item.log) })),
      ratios,
      phases: { ours: phaseMedians(pick(builds, 'ours')), baseline: phaseMedians(pick(builds, 'baseline')) },
      size,
      search,
      pdf,
      targets,
    };
    const name = `${report.date.slice(0, 10)}-${options.count}${options.ext === 'md' ? '-md' : ''}`;
    // A second run on the same day gets `-2`, `-3` …: results are a record, never overwritten.
    let file = join(REPO, 'bench/results', `${name}.json`);
    for (let run = 2; existsSync(file); run++) file = join(REPO, 'bench/results', `${name}-${run}.json`);
    mkdirSync(dirname(file), { recursive: true });
    // Written beside and renamed, so an interrupted run never leaves half a results file.
    writeFileSync(`${file}.tmp`, `${JSON.stringify(report, roundForJson, 2)}\n`);
    renameSync(`${file}.tmp`, file);
    console.log('');
    printReport(report);
    log(`results written to ${relative(process.cwd(), file)}`);
    return 0;
  } finally {
    if (options.keep) log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`bench: ${error.message}\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof BenchError) {
    console.error(`bench: ${error.message}`);
    process.exitCode = 1;
  } else throw error;
}
