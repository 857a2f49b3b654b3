import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatDuration, parseDuration } from '../../../src/lib/content/durations.ts';

describe('parseDuration', () => {
  const cases: [string, number | undefined][] = [
    ['15m', 15],
    ['1h', 60],
    ['1h30m', 90],
    ['2d', 2880],
    ['0m', 0],
    [' 4h ', 240],
    ['1d2h3m', 1563],
    ['', undefined],
    ['15', undefined],
    ['15 min', undefined],
    ['1.5h', undefined],
    ['m', undefined],
    ['30m1h', undefined],
  ];
  for (const [text, minutes] of cases) {
    test(`${JSON.stringify(text)} → ${minutes}`, () => assert.equal(parseDuration(text), minutes));
  }
});

describe('formatDuration', () => {
  const cases: [number, string][] = [
    [0, 'Immediately'],
    [5, '5 min'],
    [60, '1 h'],
    [90, '1 h 30 min'],
    [1440, '1 d'],
    [2940, '2 d 1 h'],
  ];
  for (const [minutes, text] of cases) {
    test(`${minutes} → ${text}`, () => assert.equal(formatDuration(minutes), text));
  }
});
