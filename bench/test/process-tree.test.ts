import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { measureCommand, parseChildren, parseChildrenCpuTicks, parseVmRss } from '../src/process-tree.ts';

const MiB = 1024 * 1024;

describe('parsing /proc', () => {
  test('VmRSS in kB becomes bytes; a zombie without VmRSS has none', () => {
    assert.equal(parseVmRss('Name:\tnode\nVmPeak:\t  999 kB\nVmRSS:\t   2080 kB\nRssAnon:\t 1 kB\n'), 2080 * 1024);
    assert.equal(parseVmRss('Name:\tnode\nState:\tZ (zombie)\n'), 0);
  });

  test('children lists', () => {
    assert.deepEqual(parseChildren('12 345 6789 '), [12, 345, 6789]);
    assert.deepEqual(parseChildren(''), []);
  });

  test('cutime + cstime are counted from the last parenthesis, whatever the command name holds', () => {
    const rest = 'S 1 2 3 0 -1 4194304 101 0 0 0 7 8 150 25 20 0 1 0 66840';
    assert.equal(parseChildrenCpuTicks(`42 (node) ${rest}`), 175);
    assert.equal(parseChildrenCpuTicks(`42 (a) b (c) ${rest}`), 175);
  });
});

describe('measureCommand on a real process tree', () => {
  test('sums the memory of a child and a grandchild, which no single process reaches', async () => {
    // parent → child (holds 150 MiB) → grandchild (holds 150 MiB); both hold their memory for a second.
    const hold = (next: string) =>
      `const kept = Buffer.alloc(150 * 2 ** 20, 1);` +
      `const { spawnSync } = require('node:child_process');` +
      (next ? `spawnSync(process.execPath, ['-e', ${JSON.stringify(next)}], { stdio: 'inherit' });` : `setTimeout(() => {}, 1000);`) +
      `kept.fill(2);`;
    const grandchild = hold('');
    const child = hold(grandchild);
    const parent = `require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(child)}], { stdio: 'inherit' });`;

    const result = await measureCommand(process.execPath, ['-e', parent]);

    assert.equal(result.exitCode, 0);
    assert.ok(result.peakRssBytes >= 300 * MiB, `peak ${Math.round(result.peakRssBytes / MiB)} MiB should include both 150 MiB buffers`);
    assert.ok(result.peakRssBytes < 1024 * MiB, `peak ${Math.round(result.peakRssBytes / MiB)} MiB is implausibly high`);
    assert.ok(result.wallMs >= 1000, `wall ${result.wallMs} ms should cover the grandchild's one-second wait`);
    assert.ok(result.peakAtMs > 0 && result.peakAtMs <= result.wallMs, `peak at ${result.peakAtMs} ms`);
    assert.ok(result.samples >= 10, `only ${result.samples} samples in ${result.wallMs} ms`);
    // Filling two 150 MiB buffers takes CPU in the descendants, which the parent process never uses itself.
    assert.ok(result.cpuMs > 0, `cpu ${result.cpuMs} ms`);
  });

  test('a failing command reports its exit code', async () => {
    const result = await measureCommand(process.execPath, ['-e', 'process.exit(3)']);
    assert.equal(result.exitCode, 3);
    assert.equal(result.timedOut, false);
  });

  test('past its timeout the whole tree is killed, the grandchild too', async () => {
    // The child starts a grandchild that would run for a minute and prints its pid.
    const grandchild = 'setTimeout(() => {}, 60000)';
    const child = `const g = require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: 'ignore' }); console.log(g.pid); setTimeout(() => {}, 60000);`;
    const logFile = join(mkdtempSync(join(tmpdir(), 'process-tree-')), 'log');

    const result = await measureCommand(process.execPath, ['-e', child], { timeoutMs: 1000, logFile });

    assert.equal(result.timedOut, true);
    assert.ok(result.wallMs < 10_000, `wall ${result.wallMs} ms`);
    const grandchildPid = Number(readFileSync(logFile, 'utf8').trim());
    assert.ok(grandchildPid > 0, 'the grandchild had started');
    await new Promise((done) => setTimeout(done, 200));
    // Gone, or a zombie waiting for init to reap it (its parent was killed too).
    const state = existsSync(`/proc/${grandchildPid}/stat`) ? readFileSync(`/proc/${grandchildPid}/stat`, 'utf8').split(') ')[1]?.[0] : 'gone';
    assert.ok(state === 'gone' || state === 'Z' || state === 'X', `the grandchild is still running (state ${state})`);
  });

  test('a missing command is an error naming it', async () => {
    await assert.rejects(measureCommand('/nonexistent/bench-command', []), /could not start \/nonexistent\/bench-command/);
  });
});
