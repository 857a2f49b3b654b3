import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dirtyPaths, dirtyTreeRefusal, gitRecord } from '../src/git.ts';

/** A `git status --porcelain -z` listing of these entries. */
const z = (...entries: string[]) => entries.map((entry) => `${entry}\0`).join('');

describe('dirtyPaths', () => {
  const cases: [string, string, string[]][] = [
    ['a clean tree', '', []],
    ['modified, added, deleted and untracked files', z(' M src/a.ts', 'A  src/b.ts', ' D c.md', '?? notes.txt'), ['src/a.ts', 'src/b.ts', 'c.md', 'notes.txt']],
    ['results of earlier runs do not count', z('?? bench/results/2026-11-29-20.json', ' M bench/results/old.json', '?? bench/results/'), []],
    [
      'a folder named like the results folder elsewhere does',
      z('?? src/bench/results/x.ts', '?? bench/results-old/x.json'),
      ['src/bench/results/x.ts', 'bench/results-old/x.json'],
    ],
    ['a path with spaces comes unquoted', z('?? my notes.txt'), ['my notes.txt']],
    // -z lists a rename as `R  new\0old\0`.
    ['a rename counts by both paths', z('R  src/new.ts', 'src/old.ts', ' M x.ts'), ['src/new.ts', 'src/old.ts', 'x.ts']],
    ['moving a file out of the results changes the tree', z('R  bench/moved.json', 'bench/results/a.json'), ['bench/moved.json']],
    ['a copy too', z('C  b.ts', 'a.ts'), ['b.ts', 'a.ts']],
  ];
  for (const [name, listing, expected] of cases) test(name, () => assert.deepEqual(dirtyPaths(listing), expected));

  test('results under a checkout that is a subfolder of the git tree', () => {
    assert.deepEqual(dirtyPaths(z('?? site/bench/results/a.json', ' M site/src/a.ts'), 'site/bench/results/'), ['site/src/a.ts']);
  });
});

describe('dirtyTreeRefusal', () => {
  const paths = (count: number) => Array.from({ length: count }, (_, index) => `f${index + 1}.ts`);
  const cases: [string, string[], string | undefined, RegExp | undefined][] = [
    ['a clean tree runs', [], undefined, undefined],
    ['a clean tree runs with a reason too', [], 'why', undefined],
    ['a dirty tree with a reason runs', paths(3), 'trying a fix', undefined],
    ['a dirty tree is refused, naming its paths', paths(2), undefined, /^uncommitted changes in 2 paths \(f1\.ts, f2\.ts\): .*--allow-dirty "<reason>"/],
    ['one path', paths(1), undefined, /^uncommitted changes in 1 path \(f1\.ts\)/],
    ['ten are named', paths(10), undefined, /\(f1\.ts, .*, f10\.ts\):/],
    ['beyond ten, the rest are counted', paths(12), undefined, /^uncommitted changes in 12 paths \(f1\.ts, .*, f10\.ts and 2 more\):/],
  ];
  for (const [name, dirty, reason, expected] of cases) {
    test(name, () => {
      const refusal = dirtyTreeRefusal(dirty, reason);
      if (expected === undefined) assert.equal(refusal, undefined);
      else {
        assert.match(refusal ?? '', expected);
        assert.equal(refusal?.includes('\n'), false, 'one line');
        assert.equal(refusal?.includes('f11.ts'), false, 'at most ten named');
      }
    });
  }
});

describe('gitRecord', () => {
  const cases: [string, string[], string | undefined, object][] = [
    ['clean', [], undefined, { commit: 'abc', dirty: false }],
    ['clean, a reason given anyway: nothing to excuse', [], 'why', { commit: 'abc', dirty: false }],
    ['dirty, with the reason', ['a.ts'], 'trying a fix', { commit: 'abc', dirty: true, allowDirty: 'trying a fix' }],
  ];
  for (const [name, dirty, reason, expected] of cases) test(name, () => assert.deepEqual(gitRecord('abc', dirty, reason), expected));
});
