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
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblemWithSeverity } from '../lib/errors.ts';
import { plural } from '../lib/format.ts';
import { checkContentRoot, todayUtc } from '../node/check-content-root.ts';
import { codeDigest } from '../node/code-digest.ts';
import { CONTENT_ROOT } from '../node/content-root.ts';
import { writeFileAtomic } from '../node/write-file-atomic.ts';

const target = resolve(process.env.RUNBOOKS_OUT_DIR ?? 'dist');
const building = `${target}.building`;
const previous = `${target}.previous`;
const unchanged = () => (existsSync(target) ? `the previous build in ${relative(process.cwd(), target) || '.'} is unchanged` : 'nothing was written');

// Incremental: pages whose cache key is unchanged are copied from the last build (astro.config.mjs), unless the
// site's own code changed since, which Astro does not fully see (src/node/code-digest.ts).
const project = fileURLToPath(new URL('../..', import.meta.url));
const cacheDir = resolve(project, process.env.RUNBOOKS_CACHE_DIR ?? 'node_modules/.astro');
const codeStamp = join(cacheDir, 'runbooks-code-digest');
const code = codeDigest(project);
const codeChanged = !existsSync(codeStamp) || readFileSync(codeStamp, 'utf8') !== code;

// The build before the last one goes while this one runs (its files are deleted on the thread pool, beside the
// check and Astro): deleting thousands of files after the swap made every rebuild seconds longer.
// A failure to delete it shows where it matters, at the rename into its place below.
const previousGone = rm(previous, { recursive: true, force: true }).catch(() => {});

// Astro starts while the content is checked: its start-up and content sync overlap the check (3-4 s for a thousand
// runbooks) on a second core. It writes only to the staging folder, and its output is held back until the check
// passes, so bad content still prints just the check's lines and leaves nothing behind.
rmSync(building, { recursive: true, force: true });
const astroBin = join(project, 'node_modules', 'astro', 'bin', 'astro.mjs');
const astro = spawn(process.execPath, [astroBin, 'build', '--root', project, ...(codeChanged ? ['--force'] : []), ...process.argv.slice(2)], {
  stdio: ['ignore', 'pipe', 'pipe'],
  env: {
    ...process.env,
    RUNBOOKS_OUT_DIR: building,
    RUNBOOKS_CONTENT_CHECKED: '1',
    // Piped, Astro would think it writes to a file: keep its colours when ours is a terminal.
    ...(process.stdout.isTTY && process.env.NO_COLOR === undefined && { FORCE_COLOR: '1' }),
  },
});
let held: [NodeJS.WriteStream, Buffer][] | undefined = [];
const relay = (stream: NodeJS.WriteStream) => (chunk: Buffer) => (held ? held.push([stream, chunk]) : stream.write(chunk));
astro.stdout.on('data', relay(process.stdout));
astro.stderr.on('data', relay(process.stderr));
const exited = new Promise<number>((done) => astro.on('close', (status) => done(status ?? 1)));

const problems = checkContentRoot(CONTENT_ROOT, { today: todayUtc() });
const errors = problems.filter((problem) => problem.severity === 'error');
const warnings = problems.length - errors.length;
if (warnings > 0) console.error(`${plural(warnings, 'content warning')} (npm run check lists them)`);
if (errors.length > 0) {
  astro.kill('SIGTERM');
  await exited;
  rmSync(building, { recursive: true, force: true });
  for (const error of errors) console.error(formatProblemWithSeverity(error));
  console.error(`build failed: ${plural(errors.length, 'error')} in the content; ${unchanged()}`);
  process.exit(1);
}
for (const [stream, chunk] of held) stream.write(chunk);
held = undefined;

const status = await exited;
if (status !== 0) {
  rmSync(building, { recursive: true, force: true });
  console.error(`build failed; ${unchanged()}`);
  process.exit(status);
}
// The last build stays beside the new one, as `<out>.previous`, until the next build: a way back (`mv`) too.
await previousGone;
if (existsSync(target)) renameSync(target, previous);
renameSync(building, target);
if (codeChanged) writeFileAtomic(codeStamp, code);
