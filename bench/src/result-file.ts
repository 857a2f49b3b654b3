/**
 * Results on disk, in `bench/results/<date>-<N>[-md][-<run>].json`. They are committed as a record of how the
 * site performed at a commit, so a file is never overwritten and never left half-written.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Options } from './options.ts';
import { RESULTS } from './paths.ts';
import type { Report } from './report.ts';

/** Milliseconds to the microsecond and ratios to 6 decimals are plenty; an unfound search result is `null`. */
export function roundForJson(_key: string, value: unknown): unknown {
  if (typeof value !== 'number' || Number.isInteger(value)) return value;
  return Number.isFinite(value) ? Math.round(value * 1e6) / 1e6 : null;
}

/** The first free name for a run: a second run on the same day gets `-2`, then `-3` … */
export function resultPath(dir: string, date: string, options: Pick<Options, 'count' | 'ext'>, exists: (path: string) => boolean = existsSync): string {
  const name = `${date.slice(0, 10)}-${options.count}${options.ext === 'md' ? '-md' : ''}`;
  let file = join(dir, `${name}.json`);
  for (let run = 2; exists(file); run++) file = join(dir, `${name}-${run}.json`);
  return file;
}

export function writeResult(report: Report, dir = RESULTS): string {
  const file = resultPath(dir, report.date, report.options);
  mkdirSync(dir, { recursive: true });
  // Written beside and renamed, so an interrupted run never leaves half a results file.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(report, roundForJson, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return file;
}

/** A result of this or an earlier version; fields added since are optional in Report, so it prints the same. */
export function readResult(file: string): Report {
  return JSON.parse(readFileSync(file, 'utf8')) as Report;
}
