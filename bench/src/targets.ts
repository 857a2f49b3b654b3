/**
 * What the site promised to cost at most, for the 1000-runbook `.mdx` corpus, and the verdict on a run's figures.
 * A figure the run did not measure (search skipped, say) is reported as such rather than passed or failed, so a
 * partial run cannot look like a passing one.
 */

export interface TargetFigures {
  /** Median of the per-pair ratios ours / baseline of build wall time. */
  buildWallRatio?: number | undefined;
  /** Median of the per-pair ratios ours / baseline of the peak RSS of the build's process tree. */
  peakRssRatio?: number | undefined;
  /** Median gzip size of a runbook page's HTML, ours / baseline. */
  runbookHtmlGzipRatio?: number | undefined;
  /** Gzip bytes of the JavaScript a runbook page loads before search is opened. */
  jsBeforeSearchGzipBytes?: number | undefined;
  /** Median time from the last keystroke of an exact alert name to its runbook shown as the first result. */
  searchMedianMs?: number | undefined;
}

export type TargetUnit = 'ratio' | 'bytes' | 'ms';

export interface Target {
  figure: keyof TargetFigures;
  label: string;
  /** The figure passes when it is at most this. */
  limit: number;
  unit: TargetUnit;
}

export const TARGETS: readonly Target[] = [
  { figure: 'buildWallRatio', label: 'Build wall time vs baseline', limit: 1.15, unit: 'ratio' },
  { figure: 'peakRssRatio', label: 'Build peak memory vs baseline', limit: 1.15, unit: 'ratio' },
  { figure: 'runbookHtmlGzipRatio', label: 'Runbook page HTML (gzip) vs baseline', limit: 1.3, unit: 'ratio' },
  // "6 KB" read as 6 KiB; the bytes are printed beside it, so the stricter reading can be checked too.
  { figure: 'jsBeforeSearchGzipBytes', label: 'JavaScript before search (gzip)', limit: 6 * 1024, unit: 'bytes' },
  { figure: 'searchMedianMs', label: 'Exact alert → first result (median)', limit: 100, unit: 'ms' },
];

export type TargetStatus = 'pass' | 'fail' | 'not measured';

export interface TargetResult extends Target {
  value: number | undefined;
  status: TargetStatus;
}

export function evaluateTargets(figures: TargetFigures, targets: readonly Target[] = TARGETS): TargetResult[] {
  return targets.map((target) => {
    const value = figures[target.figure];
    const status: TargetStatus = value === undefined || Number.isNaN(value) ? 'not measured' : value <= target.limit ? 'pass' : 'fail';
    return { ...target, value, status };
  });
}
