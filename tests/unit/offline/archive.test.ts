import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unzipSync } from 'fflate';
import { zipArchive } from '../../../src/lib/offline/archive.ts';

const text = (value: string) => new TextEncoder().encode(value);

test('the same files give the same bytes, whatever order they were found in', () => {
  const date = new Date('2026-01-01T00:00:00Z');
  const one = zipArchive({ 'runbooks/b.html': text('b'), 'runbooks/a/index.html': text('a'), 'runbooks/z.js': text('z') }, date);
  const two = zipArchive({ 'runbooks/z.js': text('z'), 'runbooks/a/index.html': text('a'), 'runbooks/b.html': text('b') }, date);
  assert.deepEqual(one, two);
  assert.deepEqual(Object.keys(unzipSync(one)), ['runbooks/a/index.html', 'runbooks/b.html', 'runbooks/z.js']);
});

test('the date stamped on the entries is the one given, not the clock', () => {
  const files = { 'runbooks/index.html': text('home') };
  assert.notDeepEqual(zipArchive(files, new Date('2026-01-01T00:00:00Z')), zipArchive(files, new Date('2026-06-01T00:00:00Z')));
  assert.deepEqual(zipArchive(files, new Date('2026-01-01T00:00:00Z')), zipArchive(files, new Date('2026-01-01T00:00:00Z')));
});
