import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { LocatedRule } from '../lib/alerts/coverage.ts';
import { minimalEnvironments } from '../lib/import/environments.ts';
import { type ImportOptions, type ImportPlan, planImport, type SourceFolder, type TargetRoot } from '../lib/import/plan.ts';
import { judge, newJudgement, problemInSource, verdictsOf } from '../lib/import/verdicts.ts';
import { checkContentRoot, todayUtc } from './check-content-root.ts';
import { realPath } from './real-path.ts';
import { shownPath } from './shown-path.ts';

/**
 * The writing half of `npm run import`. The pages are written to a staging folder that is a content root of its
 * own (the new pages, the content root's data files, and links to its existing runbooks so that links and alerts
 * are checked against everything that will be there); `npm run check` runs on it and its verdicts make the plan
 * again (src/lib/import/verdicts.ts) until the check passes on every staged page. Only then are the files put in
 * place, each by a hard link that fails rather than replace a file, so nothing is overwritten even when a file
 * appears meanwhile. The staging folder is beside the target, on its file system, and is removed in every case;
 * an interrupted import leaves only whole files.
 */

/** Prefix of the staging folders in a content root: hidden, so neither the build nor the check sees one. */
const STAGING_PREFIX = '.runbooks-import-';

export interface ImportRun {
  source: SourceFolder & { root: string };
  rules: readonly LocatedRule[];
  target: TargetRoot & { pageFiles: string[]; dataFiles: string[] };
  into: string;
  options: ImportOptions;
  dryRun: boolean;
}

/** Staging folders of this process, removed on exit however it ends. */
const staging = new Set<string>();

/**
 * Plans the import, checks the staged pages until the plan stands, and (unless `dryRun`) puts the files in place.
 * Returns the final plan. Nothing is staged when there is nothing to write, so a second run touches no file and no
 * folder's modification time.
 */
export async function runImport(run: ImportRun): Promise<ImportPlan> {
  const judgement = newJudgement();
  let plan = planImport(run.source, run.rules, run.target, run.options, verdictsOf(judgement));
  if (plan.pages.length === 0) return plan;
  const createdInto = !existsSync(run.into);
  const folder = run.dryRun ? mkdtempSync(join(tmpdir(), 'runbooks-import-')) : stagingFolder(run.into);
  staging.add(folder);
  try {
    writeData(folder, run);
    for (;;) {
      stagePages(folder, plan, run);
      const errors = await stagedErrors(folder, plan, run);
      if (!judge(judgement, errors)) break;
      plan = planImport(run.source, run.rules, run.target, run.options, verdictsOf(judgement));
      if (plan.pages.length === 0) break;
    }
    if (!run.dryRun && plan.pages.length > 0) {
      stageFiles(folder, plan, run);
      // The checks run without a turn of the event loop, where a Ctrl-C or a kill is handled: give it one before
      // anything is put in place, so that a stopped import writes nothing. The moves themselves take no turn.
      await new Promise((resolve) => setImmediate(resolve));
      putInPlace(folder, plan, run);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
    staging.delete(folder);
    if (createdInto && !run.dryRun && plan.pages.length === 0) rmSync(run.into, { recursive: true, force: true });
  }
  return plan;
}

/** Removes this process's staging folders: on Ctrl-C or a kill, before the process ends. */
export function removeStaging(): void {
  for (const folder of staging) rmSync(folder, { recursive: true, force: true });
  staging.clear();
}

/**
 * A new staging folder in the content root, after removing those of earlier runs whose process is gone (a run
 * killed with SIGKILL cannot clean up after itself; a hidden folder harms nothing, but should not pile up).
 */
function stagingFolder(into: string): string {
  mkdirSync(into, { recursive: true });
  for (const name of readdirSync(into)) {
    const pid = Number(name.startsWith(STAGING_PREFIX) ? name.slice(STAGING_PREFIX.length) : Number.NaN);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(join(into, name), { recursive: true, force: true });
  }
  const folder = join(into, `${STAGING_PREFIX}${process.pid}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder);
  return folder;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The content root's data files (or the minimal environments.yaml it gets), which the check reads with the pages. */
function writeData(folder: string, run: ImportRun): void {
  for (const file of run.target.dataFiles) copyFileSync(file, join(folder, basename(file)));
  if (!run.target.hasEnvironmentsFile) writeFileSync(join(folder, 'environments.yaml'), minimalEnvironments());
}

/** The planned pages, and links to the existing runbooks, as the staging folder's `runbooks/`. */
function stagePages(folder: string, plan: ImportPlan, run: ImportRun): void {
  const runbooks = join(folder, 'runbooks');
  rmSync(runbooks, { recursive: true, force: true });
  for (const file of run.target.pageFiles) {
    const path = join(runbooks, relative(join(run.into, 'runbooks'), file));
    mkdirSync(dirname(path), { recursive: true });
    symlinkSync(file, path);
  }
  for (const page of plan.pages) {
    const path = join(runbooks, page.target);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, page.text, { flag: 'wx' });
  }
}

/** The errors `npm run check` finds in the staged pages, by the page's path in the old collection, as the author reads them. */
async function stagedErrors(folder: string, plan: ImportPlan, run: ImportRun): Promise<Map<string, string[]>> {
  const { problems } = await checkContentRoot(folder, { today: todayUtc() });
  const byFile = new Map(plan.pages.map((page) => [relative(process.cwd(), join(folder, 'runbooks', page.target)), page]));
  // A message naming another file (a link's missing target) names it where it will be, not in the staging folder.
  const staged = relative(process.cwd(), folder);
  const errors = new Map<string, string[]>();
  for (const problem of problems) {
    const page = byFile.get(problem.file);
    if (!page || problem.severity !== 'error') continue;
    const message = problem.message.split(staged).join(shownPath(run.into));
    errors.set(page.source, [...(errors.get(page.source) ?? []), problemInSource(page, run.source.label, { ...problem, message })]);
  }
  return errors;
}

/** The files that go with the pages, copied into the staging folder. */
function stageFiles(folder: string, plan: ImportPlan, run: ImportRun): void {
  for (const file of plan.files) {
    const path = join(folder, 'runbooks', file.target);
    mkdirSync(dirname(path), { recursive: true });
    copyFileSync(join(run.source.root, file.source), path);
  }
}

/**
 * Moves the staged files into the content root: environments.yaml first and files before pages, so that a page in
 * place never lacks what it needs. Every destination is checked first, before anything moves: none may be reached
 * through a symbolic link that leads out of `runbooks/` (a `runbooks/team` linked to `/etc`). Each file is then
 * hard-linked to its name, which fails when the name is taken rather than replace the file.
 */
function putInPlace(folder: string, plan: ImportPlan, run: ImportRun): void {
  const runbooks = join(run.into, 'runbooks');
  const moves = [
    ...(plan.environments ? [{ from: join(folder, 'environments.yaml'), to: join(run.into, 'environments.yaml'), inside: realPath(run.into) }] : []),
    ...[...plan.files, ...plan.pages].map((file) => ({
      from: join(folder, 'runbooks', file.target),
      to: join(runbooks, file.target),
      inside: realPath(runbooks),
    })),
  ];
  for (const { to, inside } of moves) {
    const parent = realPath(dirname(to));
    if (parent !== inside && !parent.startsWith(`${inside}${sep}`)) {
      throw new Error(`${shownPath(dirname(to))} leads to ${parent}, outside ${shownPath(inside)}: not writing through it; nothing was imported`);
    }
  }
  for (const { from, to } of moves) {
    mkdirSync(dirname(to), { recursive: true });
    try {
      linkSync(from, to);
      unlinkSync(from);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A file system without hard links: a rename, after making sure the name is free.
      if (code === 'EEXIST' || existsSync(to)) throw new Error(`${shownPath(to)} appeared while importing: not overwriting it`);
      renameSync(from, to);
    }
  }
}
