/**
 * A run's result: what it records (the type is that of assembleReport, so the JSON and the code that writes it
 * cannot drift apart) and the tables it prints. Printing also serves `--print` of results written by earlier
 * versions, so every field added later must be optional here.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { formatBytes } from '../../src/lib/format.ts';
import { buildRatios, medianOf, type PhaseMedians, peakPhases, phaseMedians, pick, targetFigures, type WarmFigures, warmFigures } from './aggregate.ts';
import type { GitRecord } from './git.ts';
import { type Build, isWarm } from './measure-build.ts';
import type { PdfFigure } from './measure-pdf.ts';
import type { SearchFigure } from './measure-search.ts';
import { log } from './messages.ts';
import type { RecordedOptions } from './options.ts';
import type { SiteSize } from './site-size.ts';
import { ratio, type Spread } from './stats.ts';
import { formatMs, formatRatio, formatSpread, formatTable, formatTargets } from './table.ts';
import { evaluateTargets, type TargetResult } from './targets.ts';

/** Load before and after tell a reader whether other work shared the machine during the run. */
export function machineState(loadBefore: number[]) {
  return { cpus: cpus().length, totalMemBytes: totalmem(), node: process.version, loadBefore, loadAfter: loadavg() };
}

export function assembleReport(run: {
  date: string;
  options: RecordedOptions;
  /** Absent outside a git checkout. */
  git: GitRecord | undefined;
  machine: ReturnType<typeof machineState>;
  corpus: { files: number; generateMs: number };
  builds: Build[];
  size: { ours: SiteSize; baseline: SiteSize };
  search: SearchFigure;
  pdf: PdfFigure;
}) {
  const ratios = buildRatios(run.builds);
  const warm: WarmFigures | undefined = warmFigures(run.builds);
  return {
    date: run.date,
    options: run.options,
    git: run.git,
    machine: run.machine,
    corpus: run.corpus,
    builds: run.builds,
    ratios,
    phases: { ours: phaseMedians(pick(run.builds, 'ours')), baseline: phaseMedians(pick(run.builds, 'baseline')) },
    // Absent from results written before warm rebuilds were measured, and from --skip-warm runs.
    ...(warm && { warm }),
    size: run.size,
    search: run.search,
    pdf: run.pdf,
    targets: evaluateTargets(targetFigures(ratios, run.size, run.search, warm), undefined, run.options.ext),
  };
}

export type Report = ReturnType<typeof assembleReport>;

// A figure a result lacks (an older format, a failed parse, a skipped step) is printed as `-`.
const ms = (value: number | undefined) => (value === undefined ? '-' : formatMs(value));
const bytes = (value: number | undefined) => (value === undefined ? '-' : formatBytes(value));
const spread = (value: Spread | undefined) => (value ? formatSpread(value) : '-');
const r = (a: number | undefined, b: number | undefined) => {
  const value = a === undefined || b === undefined ? undefined : ratio(a, b);
  return value === undefined ? '-' : formatRatio(value);
};
/** `40.0 s (38.2 s – 41.9 s)`: the median and the range of the builds. */
const msSpread = (value: Spread | undefined) =>
  value === undefined ? '-' : value.min === value.max ? ms(value.median) : `${ms(value.median)} (${ms(value.min)} – ${ms(value.max)})`;
const count = (value: Spread | undefined) =>
  value === undefined ? '-' : value.min === value.max ? String(value.median) : `${value.median} (${value.min}–${value.max})`;

/** The report's tables, as printed: each block followed by an empty line. */
export function formatReport(report: Report): string {
  const { builds, ratios, size, search, pdf, targets, options } = report;
  const ours = pick(builds, 'ours');
  const base = pick(builds, 'baseline');
  const blocks: string[] = [];
  const out = (text: string) => blocks.push(`${text}\n\n`);

  const warmBuilds = report.warm ? `, ${report.warm.builds} warm rebuild(s) of ours` : '';
  out(
    `Benchmark: ${options.count} runbooks (.${options.ext}), ${options.pairs} cold build pair(s)${warmBuilds}, ${report.machine.cpus} CPUs, load before ${report.machine.loadBefore.map((load) => load.toFixed(2)).join(' ')}`,
  );
  if (report.git?.allowDirty !== undefined) out(`Uncommitted changes allowed (--allow-dirty): ${report.git.allowDirty}`);
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
        [startupLabel(builds), ms(po.startupMs), ms(pb.startupMs), r(po.startupMs, pb.startupMs)],
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
  if (report.warm) for (const table of warmTables(report.warm, { phases: po, builds: ours }, builds.filter(isWarm))) out(table);
  else if (options.skipWarm) out('Warm rebuild: skipped (--skip-warm)');
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
  }
  if ('skipped' in pdf) out(`PDF: skipped (${pdf.skipped})`);
  else if ('error' in pdf) out(`PDF: failed after ${ms(pdf.wallMs)}, peak RSS ${bytes(pdf.peakRssBytes)}\n${pdf.error}`);
  else out(`PDF (npm run pdf at N = ${options.count}): ${ms(pdf.wallMs)}, peak RSS ${bytes(pdf.peakRssBytes)}, ${bytes(pdf.bytes)}`);
  out(formatTargets(targets));
  const note = targetsNote(targets, options);
  if (note) out(note);
  return blocks.join('');
}

/**
 * What the time outside Astro's own clock holds. Results that record build kinds timed ours through
 * `node src/cli/build.ts` (the two came in together), whose content check and swap fall outside it too.
 */
function startupLabel(builds: readonly Build[]): string {
  return builds.some((build) => build.kind !== undefined) ? 'Outside Astro (start-up; ours: content check, swap)' : 'Start-up (before Astro starts timing)';
}

/** The warm rebuilds against ours' cold builds: the figures the targets judge, then where the time went. */
function warmTables(warm: WarmFigures, cold: { phases: PhaseMedians; builds: readonly Build[] }, warmBuilds: readonly Build[]): string[] {
  const coldPhases = cold.phases;
  const pw = warm.phases;
  return [
    formatTable(
      ['Warm rebuild of ours, one runbook edited', 'Cold (median)', 'Warm: median (range)', 'Warm / cold: median of pairs (range)'],
      [
        ['Wall time (npm run build)', ms(coldPhases.wallMs), msSpread(warm.wallMs), spread(warm.ratios.wall)],
        ['Static routes (what Astro renders)', ms(coldPhases.staticRoutesMs), msSpread(warm.staticRoutesMs), spread(warm.ratios.staticRoutes)],
        ['CPU time (user + system)', ms(medianOf(cold.builds, (b) => b.cpuMs)), ms(medianOf(warmBuilds, (b) => b.cpuMs)), spread(warm.ratios.cpu)],
        [
          'Peak RSS (process tree)',
          bytes(medianOf(cold.builds, (b) => b.peakRssBytes)),
          bytes(medianOf(warmBuilds, (b) => b.peakRssBytes)),
          spread(warm.ratios.peakRss),
        ],
        ['Pages restored, not rendered', '', `${count(warm.restoredPages)} of ${count(warm.pages)}`, ''],
      ],
    ),
    formatTable(
      ['Warm rebuild by phase (Astro timing, median)', 'Cold', 'Warm', 'Warm / cold'],
      [
        ['Outside Astro (start-up, content check, swap)', ms(coldPhases.startupMs), ms(pw.startupMs), r(pw.startupMs, coldPhases.startupMs)],
        ['Content sync + types (.md rendered here)', ms(coldPhases.contentSyncMs), ms(pw.contentSyncMs), r(pw.contentSyncMs, coldPhases.contentSyncMs)],
        ['Vite builds (MDX compiled here, bundle)', ms(coldPhases.viteBuildsMs), ms(pw.viteBuildsMs), r(pw.viteBuildsMs, coldPhases.viteBuildsMs)],
        ['Static routes (render, or restore, pages)', ms(coldPhases.staticRoutesMs), ms(pw.staticRoutesMs), r(pw.staticRoutesMs, coldPhases.staticRoutesMs)],
        ['After build (astro:build:done hooks)', ms(coldPhases.afterBuildMs), ms(pw.afterBuildMs), r(pw.afterBuildMs, coldPhases.afterBuildMs)],
        ['Astro total', ms(coldPhases.astroTotalMs), ms(pw.astroTotalMs), r(pw.astroTotalMs, coldPhases.astroTotalMs)],
      ],
    ),
  ];
}

/**
 * When the verdicts are only indicative: at another size than the targets', or on the other corpus. Results written
 * before the warm-rebuild targets (set for the `.md` corpus) keep the note they were printed with.
 */
function targetsNote(targets: readonly TargetResult[], options: Report['options']): string | undefined {
  if (!targets.some((target) => target.corpus !== undefined)) {
    return options.count !== 1000 || options.ext !== 'mdx'
      ? '(The targets are set for N = 1000 and the .mdx corpus; at other sizes they are indicative only.)'
      : undefined;
  }
  const offCorpus = targets.some((target) => (target.status === 'pass' || target.status === 'fail') && (target.corpus ?? 'mdx') !== options.ext);
  if (options.count === 1000 && !offCorpus) return undefined;
  return '(The targets are set for N = 1000 and the .mdx corpus, those marked (.md) for the .md one; at other sizes or on the other corpus they are indicative only.)';
}

/** The tables on stdout; why a query failed goes to stderr, as the run's other diagnostics do. */
export function printReport(report: Report): void {
  process.stdout.write(formatReport(report));
  if ('queries' in report.search) for (const query of report.search.queries.filter((item) => item.error)) log(`search ${query.alert}: ${query.error}`);
}
