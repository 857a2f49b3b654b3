/** How `npm run bench` prints figures: aligned plain-text tables that read the same in a terminal and in CI logs. */
import { formatBytes } from '../../src/lib/format.ts';
import type { Spread } from './stats.ts';
import type { TargetResult, TargetUnit } from './targets.ts';

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'never';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function formatRatio(value: number): string {
  return `${value.toFixed(2)}×`;
}

/** `1.23× (1.10–1.31)`: the median and, in brackets, the range of the pairs. */
export function formatSpread(spread: Spread): string {
  return spread.min === spread.max ? formatRatio(spread.median) : `${formatRatio(spread.median)} (${spread.min.toFixed(2)}–${spread.max.toFixed(2)})`;
}

export function formatValue(value: number, unit: TargetUnit): string {
  if (unit === 'ratio') return formatRatio(value);
  if (unit === 'bytes') return `${formatBytes(value)} (${value} B)`;
  return formatMs(value);
}

/**
 * Rows padded to a common width per column; the first column is left-aligned (labels), the others right-aligned
 * (figures), with a rule under the header.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) =>
    widths
      .map((width, column) => {
        const cell = row[column] ?? '';
        return column === 0 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function formatTargets(results: readonly TargetResult[]): string {
  // A figure of the other corpus than its target's is there for the record: no verdict.
  const mark = { pass: 'PASS', fail: 'FAIL', 'not measured': '-', 'other corpus': 'no verdict' } as const;
  return formatTable(
    ['Target', 'Measured', 'Limit', 'Result'],
    results.map((result) => [
      result.label,
      result.value === undefined ? 'not measured' : formatValue(result.value, result.unit),
      `≤ ${formatValue(result.limit, result.unit)}`,
      mark[result.status],
    ]),
  );
}
