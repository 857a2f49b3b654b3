import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { BUILD_MARKER, buildMarkerText } from '../../src/lib/output/out-dir-rules.ts';
import { buildEnv, PROJECT, runCli } from '../helpers/run-cli.ts';

/**
 * The bad-input catalogue (`tests/fixtures/bad/<case>/`) through the real `npm run build`: every case fails the
 * build with exactly the errors `npm run check` reports (tests/cli/check-fixtures.test.ts pins those lines), and
 * the out dir still holds the last good site afterwards.
 *
 * Builds run one at a time: whatever `RUNBOOKS_CACHE_DIR` says, Astro writes `.astro/content-modules.mjs` (through
 * a fixed `.tmp` name) in the project root, so two builds at once collide.
 */
const BAD = 'tests/fixtures/bad';

/** What the out dir holds before each build, standing for the last good site (with the mark of a build of ours). */
const LAST_GOOD = '<!doctype html><title>Last good build</title>';

const work = mkdtempSync(join(tmpdir(), 'bad-input-build-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** `node src/cli/build.ts` on the content root `root`, with its own out and cache folders. */
async function build(name: string, root: string): Promise<{ code: number | null; output: string; outDir: string }> {
  const outDir = join(work, name, 'out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'index.html'), LAST_GOOD);
  writeFileSync(join(outDir, BUILD_MARKER), buildMarkerText(new Date()));
  const env = buildEnv({ content: root, out: outDir, cache: join(work, name, 'cache') });
  const { status, stdout, stderr } = await runCli('build', [], { env });
  return { code: status, output: stdout + stderr, outDir };
}

/** `npm run check -- --dist <dir>`: the secrets the built site publishes. */
async function checkDist(dir: string): Promise<string[]> {
  const { stdout } = await runCli('check', ['--dist', dir]);
  return stdout.split('\n').filter(Boolean);
}

describe('npm run build on the bad-input catalogue', () => {
  test('the good root builds, with the heading ids its links rely on, and publishes no secret', async () => {
    const { code, output, outDir } = await build('good', 'tests/fixtures/good');
    assert.equal(code, 0, output);
    const page = (slug: string) => readFileSync(join(outDir, 'runbooks', slug, 'index.html'), 'utf8');
    for (const id of ['diagnosis', 'resolution']) assert.match(page('payments/database-down'), new RegExp(`id="${id}"`));
    assert.deepEqual(await checkDist(outDir), []);
  });

  for (const name of readdirSync(join(PROJECT, BAD)).sort()) {
    test(`${name}: the build fails with the check's errors and keeps the last good site`, async () => {
      const { code, output, outDir } = await build(name, `${BAD}/${name}`);
      assert.notEqual(code, 0, `the build of ${name} succeeded:\n${output}`);
      const errors = readFileSync(join(PROJECT, BAD, name, 'expected.txt'), 'utf8')
        .split('\n')
        .filter((line) => line.includes(': error: '));
      assert.notDeepEqual(errors, [], `${name}/expected.txt has no error line`);
      for (const line of errors) assert.ok(output.includes(line), `the build output lacks\n  ${line}\n---\n${output}`);
      // It reads like npm run check, then says what happened: no hook error, no stack trace.
      assert.doesNotMatch(output, /Stack trace|An unhandled error|^\s+at /m, output);
      assert.match(output.trimEnd().split('\n').at(-1)!, /^build failed: \d+ errors? in the content; the previous build in .+ is unchanged$/);
      assert.equal(readFileSync(join(outDir, 'index.html'), 'utf8'), LAST_GOOD, `the failed build of ${name} did not leave the last good site`);
    });
  }
});
