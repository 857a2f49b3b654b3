import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resultPath, roundForJson } from '../src/result-file.ts';

describe('resultPath', () => {
  const date = '2026-11-29T17:13:49.000Z';
  const cases: [string, { count: number; ext: 'md' | 'mdx' }, string[], string][] = [
    ['the first run of the day', { count: 1000, ext: 'mdx' }, [], '/r/2026-11-29-1000.json'],
    ['the .md corpus is named apart', { count: 1000, ext: 'md' }, [], '/r/2026-11-29-1000-md.json'],
    ['a second run never overwrites the first', { count: 20, ext: 'mdx' }, ['/r/2026-11-29-20.json'], '/r/2026-11-29-20-2.json'],
    ['nor a third the second', { count: 20, ext: 'mdx' }, ['/r/2026-11-29-20.json', '/r/2026-11-29-20-2.json'], '/r/2026-11-29-20-3.json'],
    ['another size is another name', { count: 5000, ext: 'mdx' }, ['/r/2026-11-29-1000.json'], '/r/2026-11-29-5000.json'],
  ];
  for (const [name, options, existing, expected] of cases) {
    test(name, () =>
      assert.equal(
        resultPath('/r', date, options, (path) => existing.includes(path)),
        expected,
      ),
    );
  }
});

describe('roundForJson', () => {
  const cases: [unknown, unknown][] = [
    [972315.665176123, 972315.665176],
    [1.9612345678, 1.961235],
    [1234, 1234],
    [Number.POSITIVE_INFINITY, null],
    [Number.NaN, null],
    ['text', 'text'],
    [undefined, undefined],
  ];
  for (const [value, expected] of cases) test(`${String(value)} → ${String(expected)}`, () => assert.equal(roundForJson('', value), expected));
});
