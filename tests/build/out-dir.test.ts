import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { BUILD_MARKER } from '../../src/lib/output/out-dir-rules.ts';
import { buildEnv, PROJECT, runCli } from '../helpers/run-cli.ts';

/**
 * Where `npm run build` may write, and how: the folders it refuses (no Astro run: it stops before anything starts),
 * the lock two builds share, and a build onto another file system. Two real builds, one at a time.
 */
const GOOD = join(PROJECT, 'tests/fixtures/good');
const work = mkdtempSync(join(tmpdir(), 'out-dir-'));
after(() => rmSync(work, { recursive: true, force: true }));

function envFor(outDir: string, contentRoot: string, extra: Record<string, string> = {}) {
  return buildEnv({ content: contentRoot, out: outDir, cache: join(work, 'cache') }, extra);
}

/** A copy of the small content root, so that a build that wrongly deletes it deletes a copy. */
function contentCopy(name: string): string {
  const root = join(work, name, 'content');
  cpSync(GOOD, root, { recursive: true });
  return root;
}

const refusal = (folder: string, why: string) =>
  `build failed: the output folder ${folder} ${why}; a build replaces its output folder whole, so point RUNBOOKS_OUT_DIR at a folder of its own; nothing was changed`;

describe('output folders a build refuses, before it deletes or starts anything', { concurrency: true }, () => {
  const cases: { name: string; setUp: (content: string) => { out: string; home?: string; why: (content: string) => string } }[] = [
    { name: 'the content folder', setUp: (content) => ({ out: content, why: () => 'is the content folder (RUNBOOKS_CONTENT_DIR)' }) },
    { name: 'a folder holding the content', setUp: (content) => ({ out: dirname(content), why: (c) => `holds the content folder ${c}` }) },
    { name: 'a folder inside the content', setUp: (content) => ({ out: join(content, 'site'), why: (c) => `is inside the content folder ${c}` }) },
    {
      name: 'the home folder',
      setUp: (content) => {
        const home = join(dirname(content), 'home');
        mkdirSync(home);
        writeFileSync(join(home, 'notes.txt'), 'mine');
        return { out: home, home, why: () => 'is your home folder' };
      },
    },
    {
      name: 'a folder holding files no build wrote',
      setUp: (content) => {
        const out = join(dirname(content), 'mine');
        mkdirSync(join(out, 'photos'), { recursive: true });
        writeFileSync(join(out, 'notes.txt'), 'mine');
        writeFileSync(join(out, 'index.html'), 'my own page');
        return { out, why: () => 'holds files no build wrote (index.html, notes.txt, photos/)' };
      },
    },
  ];
  for (const { name, setUp } of cases) {
    test(name, async () => {
      const content = contentCopy(name.replaceAll(' ', '-'));
      const { out, home, why } = setUp(content);
      const before = readFileSync(join(content, 'environments.yaml'), 'utf8');
      const run = await runCli('build', [], { env: envFor(out, content, home ? { HOME: home } : {}) });
      assert.equal(run.stdout + run.stderr, `${refusal(out, why(content))}\n`);
      assert.equal(run.status, 1);
      assert.equal(readFileSync(join(content, 'environments.yaml'), 'utf8'), before);
      if (home) assert.equal(readFileSync(join(home, 'notes.txt'), 'utf8'), 'mine');
      assert.ok(!existsSync(`${out}.lock`), 'the lock was left behind');
    });
  }

  test('the project folder and the root of the file system', async () => {
    for (const [out, why] of [
      ['.', 'is the project folder'],
      ['/', 'is the root of the file system'],
    ] as const) {
      const run = await runCli('build', [], { env: envFor(out, GOOD) });
      assert.equal(run.stdout + run.stderr, `${refusal(out === '.' ? '.' : '/', why)}\n`);
      assert.equal(run.status, 1);
    }
  });
});

describe('builds into folders of ours', () => {
  test('a build waits for the build holding the lock, and takes over the lock once that build is gone', async () => {
    const out = join(work, 'locked', 'out');
    mkdirSync(dirname(out), { recursive: true });
    // A build still running: a live process named in the lock, as a build writes it.
    const holder = spawn('sleep', ['600'], { stdio: 'ignore' });
    writeFileSync(`${out}.lock`, `${JSON.stringify({ pid: holder.pid, host: hostname(), out })}\n`);
    const child = spawn(process.execPath, ['src/cli/build.ts'], { cwd: PROJECT, env: { ...process.env, ...envFor(out, GOOD) } });
    let output = '';
    const waited = new Promise<void>((resolve) => {
      const read = (chunk: Buffer) => {
        output += chunk;
        if (output.includes('waiting for the build running in')) resolve();
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const first = await Promise.race([waited.then(() => 'waited'), exited.then(() => 'exited')]);
    // The holder is killed, as `kill -9` leaves a build: its lock stays, naming a process that is gone.
    holder.kill('SIGKILL');
    const status = await exited;
    assert.equal(first, 'waited', output);
    assert.equal(status, 0, output);
    assert.equal(output.split('\n').filter((line) => line.startsWith('waiting for')).length, 1, output);
    assert.match(output, new RegExp(`^waiting for the build running in ${out} \\(pid ${holder.pid}\\) …$`, 'm'));
    assert.ok(existsSync(join(out, 'runbooks/payments/database-down/index.html')));
    assert.ok(!existsSync(`${out}.lock`), 'the lock was left behind');
  });

  const shm = '/dev/shm';
  const otherFileSystem = existsSync(shm) && statSync(shm).dev !== statSync(PROJECT).dev && statSync(shm).dev !== statSync(tmpdir()).dev;
  test('onto another file system (/dev/shm), over an earlier build without a marker and the PDFs printed from it', {
    skip: !otherFileSystem && `${shm} is not another file system here`,
  }, async () => {
    const folder = mkdtempSync(join(shm, 'runbooks-out-dir-'));
    after(() => rmSync(folder, { recursive: true, force: true }));
    const out = join(folder, 'site');
    // What a build before the marker left, and what `npm run pdf` wrote into it.
    for (const file of ['index.html', 'alerts.json', 'pagefind/pagefind.js', 'runbooks.pdf', 'services/payments/runbooks-production.pdf', 'pdfs.json']) {
      mkdirSync(dirname(join(out, file)), { recursive: true });
      writeFileSync(join(out, file), `earlier ${file}`);
    }
    const run = await runCli('build', [], { env: envFor(out, GOOD) });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.doesNotMatch(run.stdout + run.stderr, /EXDEV/);
    assert.ok(existsSync(join(out, 'runbooks/payments/database-down/index.html')));
    assert.match(readFileSync(join(out, BUILD_MARKER), 'utf8'), /^\{"writtenBy":"runbooks npm run build","builtAt":"[^"]+"\}\n$/);
    assert.equal(readFileSync(join(`${out}.previous`, 'runbooks.pdf'), 'utf8'), 'earlier runbooks.pdf');
  });
});
