/**
 * `npm run build`: checks the content while `astro build` writes into a fresh folder beside the output, swapped in
 * only when both succeed, so bad content never leaves a half-built site in place of the last good one (the
 * static host, the PDF command and the offline copy keep serving the previous build). Arguments are passed on to
 * `astro build`.
 *
 * The content check runs here rather than inside Astro, so that bad content reads like `npm run check` (one
 * `path:line:col: error: …` line per problem and one line saying what happened) instead of an integration's stack
 * trace. Astro is told it was done (RUNBOOKS_CONTENT_CHECKED), so the check runs once per build, at the same time
 * as Astro's start.
 *
 * Before anything is deleted, the output folder is checked (src/node/out-dir.ts): never the project, the content or
 * a folder holding files no build wrote. A lock beside it (`<out>.lock`) and one beside the Astro cache keep a
 * second build into the same folder, or with the same cache, waiting until the first is done.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { constants } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblemWithSeverity } from '../lib/errors.ts';
import { plural } from '../lib/format.ts';
import { takeBuildLock } from '../node/build-lock.ts';
import { codeDigest } from '../node/code-digest.ts';
import { startContentChecker } from '../node/content-checker.ts';
import { CONTENT_ROOT } from '../node/content-root.ts';
import { markBuild, moveAcross, outDirContentsRefusal, outDirPlaceRefusal, replaceSite, stagingFolder } from '../node/out-dir.ts';
import { shownPath } from '../node/shown-path.ts';
import { writeFileAtomic } from '../node/write-file-atomic.ts';

const target = resolve(process.env.RUNBOOKS_OUT_DIR ?? 'dist');
const building = `${target}.building`;
const previous = `${target}.previous`;
const unchanged = () => (existsSync(target) ? `the previous build in ${shownPath(target)} is unchanged` : 'nothing was written');

// Incremental: pages whose cache key is unchanged are copied from the last build (astro.config.mjs), unless the
// site's own code changed since, which Astro does not fully see (src/node/code-digest.ts).
const project = fileURLToPath(new URL('../..', import.meta.url));
const cacheDir = resolve(project, process.env.RUNBOOKS_CACHE_DIR ?? 'node_modules/.astro');
const codeStamp = join(cacheDir, 'runbooks-code-digest');

/** Stops the build before it has changed anything: one line saying which folder and why. */
function refuse(reason: string): never {
  console.error(`build failed: ${reason}; a build replaces its output folder whole, so point RUNBOOKS_OUT_DIR at a folder of its own; nothing was changed`);
  process.exit(1);
}
const misplaced = outDirPlaceRefusal(target, { project, contentRoot: CONTENT_ROOT }) ?? outDirContentsRefusal(target);
if (misplaced) refuse(misplaced);

// Interrupted (Ctrl-C, a CI timeout), the build stops Astro and exits, which releases its locks; the staging folder
// it leaves is deleted by the next build.
let running: ChildProcess | undefined;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    running?.kill('SIGTERM');
    process.exit(128 + constants.signals[signal]);
  });
}
const waiting = (holder: { pid: number; out: string }) => console.error(`waiting for the build running in ${shownPath(holder.out)} (pid ${holder.pid}) …`);
for (const lock of [`${target}.lock`, `${cacheDir}.lock`]) {
  try {
    await takeBuildLock(lock, target, waiting);
  } catch (error) {
    console.error(`build failed: cannot create the lock file ${shownPath(lock)}: ${(error as Error).message}; nothing was changed`);
    process.exit(1);
  }
}
// Again under the lock: what the folder held before may have been another build's swap half-done.
const foreign = outDirContentsRefusal(target);
if (foreign) refuse(foreign);
// The check runs in a worker thread that ends with it: its memory (the parsed pages, the snippet parsers'
// WebAssembly) is given back before Astro's rendering peaks, instead of staying beside it for the whole build.
// Started only now (most of a second): a refused output folder is reported at once.
const checker = startContentChecker(CONTENT_ROOT);
const code = codeDigest(project);
const codeChanged = !existsSync(codeStamp) || readFileSync(codeStamp, 'utf8') !== code;

// The build before the last one goes while this one runs (its files are deleted on the thread pool, beside the
// check and Astro): deleting thousands of files after the swap made every rebuild seconds longer.
// A failure to delete it shows where it matters, at the rename into its place below.
const previousGone = rm(previous, { recursive: true, force: true }).catch(() => {});

// Astro starts while the content is checked: its start-up and content sync overlap the check (3-4 s for a thousand
// runbooks) on a second core. It writes only to the staging folder, and its output is held back until the check
// passes, so bad content still prints just the check's lines and leaves nothing behind.
// The new site goes beside the output folder, or first into the working directory when the output folder is on
// another file system, which Astro cannot rename into (stagingFolder).
const staging = stagingFolder(target, process.cwd());
const clearStaging = () => {
  rmSync(staging, { recursive: true, force: true });
  rmSync(building, { recursive: true, force: true });
};
clearStaging();
const astroBin = join(project, 'node_modules', 'astro', 'bin', 'astro.mjs');
const astro = spawn(process.execPath, [astroBin, 'build', '--root', project, ...(codeChanged ? ['--force'] : []), ...process.argv.slice(2)], {
  stdio: ['ignore', 'pipe', 'pipe'],
  env: {
    ...process.env,
    RUNBOOKS_OUT_DIR: staging,
    RUNBOOKS_CONTENT_CHECKED: '1',
    // Piped, Astro would think it writes to a file: keep its colours when ours is a terminal.
    ...(process.stdout.isTTY && process.env.NO_COLOR === undefined && { FORCE_COLOR: '1' }),
  },
});
let held: [NodeJS.WriteStream, Buffer][] | undefined = [];
const relay = (stream: NodeJS.WriteStream) => (chunk: Buffer) => (held ? held.push([stream, chunk]) : stream.write(chunk));
astro.stdout.on('data', relay(process.stdout));
astro.stderr.on('data', relay(process.stderr));
running = astro;
const exited = new Promise<number>((done) => astro.on('close', (status) => done(status ?? 1)));

const problems = await checker.check().finally(() => checker.close());
const errors = problems.filter((problem) => problem.severity === 'error');
const warnings = problems.length - errors.length;
if (warnings > 0) console.error(`${plural(warnings, 'content warning')} (npm run check lists them)`);
if (errors.length > 0) {
  astro.kill('SIGTERM');
  await exited;
  clearStaging();
  for (const error of errors) console.error(formatProblemWithSeverity(error));
  console.error(`build failed: ${plural(errors.length, 'error')} in the content; ${unchanged()}`);
  process.exit(1);
}
for (const [stream, chunk] of held) stream.write(chunk);
held = undefined;

const status = await exited;
if (status !== 0) {
  clearStaging();
  console.error(`build failed; ${unchanged()}`);
  process.exit(status);
}
// The last build stays beside the new one, as `<out>.previous`, until the next build: a way back (`mv`) too.
await previousGone;
if (staging !== building) moveAcross(staging, building);
markBuild(building, new Date());
if (replaceSite(building, target, previous) === 'copied') {
  console.error(
    `build: ${shownPath(target)} is a mount point, which cannot be swapped whole: its files were replaced by a copy of the new site, made after the site was complete; during the copy it held part of each, and no ${shownPath(previous)} was kept`,
  );
}
if (codeChanged) writeFileAtomic(codeStamp, code);
