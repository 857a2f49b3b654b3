import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { absoluteUrl, alertPath, decodePathSegment, normalizeBase, pdfFileName, runbookPath } from '../../../src/lib/web/urls.ts';

describe('normalizeBase', () => {
  for (const [input, expected] of [
    ['/', '/'],
    ['', '/'],
    ['runbooks', '/runbooks/'],
    ['/runbooks', '/runbooks/'],
    ['/runbooks/', '/runbooks/'],
    ['//docs/runbooks//', '/docs/runbooks/'],
  ] as const) {
    test(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(normalizeBase(input), expected));
  }
});

describe('page paths', () => {
  const cases: [string, string][] = [
    [runbookPath('/', 'db/latency'), '/runbooks/db/latency/'],
    [runbookPath('/docs/', 'db/latency'), '/docs/runbooks/db/latency/'],
    [alertPath('/', 'KubePodCrashLooping'), '/alerts/KubePodCrashLooping/'],
    // `:` is legal in Prometheus alert names and `/` would make two path segments: both are encoded.
    [alertPath('/docs/', 'job:up/down'), '/docs/alerts/job%3Aup%2Fdown/'],
    [absoluteUrl('/docs/alerts/X/', new URL('https://runbooks.example.com')), 'https://runbooks.example.com/docs/alerts/X/'],
    [absoluteUrl('/docs/alerts/X/', 'https://runbooks.example.com/ignored/path'), 'https://runbooks.example.com/docs/alerts/X/'],
    [absoluteUrl('/alerts/X/', undefined), '/alerts/X/'],
    [pdfFileName(), 'runbooks.pdf'],
    [pdfFileName('staging'), 'runbooks-staging.pdf'],
    [pdfFileName(undefined, 'payments'), 'services/payments/runbooks.pdf'],
    [pdfFileName('staging', 'payments'), 'services/payments/runbooks-staging.pdf'],
  ];
  for (const [actual, expected] of cases) test(expected, () => assert.equal(actual, expected));
});

describe('decodePathSegment', () => {
  test('decodes escapes', () => assert.equal(decodePathSegment('job%3Aup'), 'job:up'));
  test('a malformed escape is undefined, not an exception', () => assert.equal(decodePathSegment('%E0%A4%A'), undefined));
});
