/**
 * The dirty-tree refusal end to end: bench/src is copied into a throwaway git checkout (with src/ and node_modules
 * linked from ours), so that the tree main.ts measures is one this test controls. A run the check lets through is
 * stopped at once by a generator that fails, so no benchmark is ever run here.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO } from '../src/paths.ts';

// Inside a git hook these point at the real repository; the throwaway one must not inherit them.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_') && name !== 'BENCH_GENERATOR'));

describe('npm run bench on a tree with uncommitted changes', () => {
  let checkout: string;
  const git = (...args: string[]) => {
    const result = spawnSync('git', ['-c', 'user.name=bench test', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
      cwd: checkout,
      env,
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
  };
  const bench = (...args: string[]) =>
    spawnSync(process.execPath, [join(checkout, 'bench/src/main.ts'), '--generator', join(checkout, 'failing-generator.mjs'), ...args], {
      cwd: checkout,
      env,
      encoding: 'utf8',
      timeout: 20_000,
    });
  const stoppedByTheGenerator = (result: ReturnType<typeof bench>) => {
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /the corpus generator failed \(exit 3\)/);
  };

  before(() => {
    checkout = mkdtempSync(join(tmpdir(), 'bench-dirty-tree-'));
    cpSync(join(REPO, 'bench/src'), join(checkout, 'bench/src'), { recursive: true });
    mkdirSync(join(checkout, 'bench/results'));
    symlinkSync(join(REPO, 'src'), join(checkout, 'src'), 'dir');
    symlinkSync(join(REPO, 'node_modules'), join(checkout, 'node_modules'), 'dir');
    writeFileSync(join(checkout, 'failing-generator.mjs'), 'process.exit(3);\n');
    writeFileSync(join(checkout, 'README.md'), 'a checkout\n');
    git('init', '--quiet');
    git('add', '--all');
    git('commit', '--quiet', '--message', 'a clean tree');
  });
  after(() => rmSync(checkout, { recursive: true, force: true }));

  test('a new result from an earlier run does not stop the next one', () => {
    writeFileSync(join(checkout, 'bench/results/2026-11-29-20.json'), '{}\n');
    stoppedByTheGenerator(bench());
  });

  test('changed files are refused, exit 2, in one line naming at most ten of them', () => {
    writeFileSync(join(checkout, 'README.md'), 'changed\n');
    for (let index = 1; index <= 11; index++) writeFileSync(join(checkout, `new-${String(index).padStart(2, '0')}.txt`), '');
    const result = bench();
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    const lines = result.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0]!, /^bench: uncommitted changes in 12 paths \(README\.md, new-01\.txt, .*new-09\.txt and 2 more\): .*--allow-dirty/);
  });

  test('--allow-dirty with a reason lets the run go ahead', () => {
    stoppedByTheGenerator(bench('--allow-dirty', 'trying a fix'));
  });
});
