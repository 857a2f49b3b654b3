import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BUILD_MARKER, foreignEntriesProblem, outDirPlaceProblem } from '../../../src/lib/output/out-dir-rules.ts';

describe('outDirPlaceProblem', () => {
  const places = { project: '/work/site', contentRoot: '/work/site/content', home: '/home/me' };
  const cases: [string, string | undefined][] = [
    ['/work/site/dist', undefined],
    ['/tmp/site', undefined],
    ['/work/site/contents', undefined],
    ['/home/me/site', undefined],
    ['/', 'is the root of the file system'],
    ['/work/site', 'is the project folder'],
    ['/work', 'holds the project folder /work/site'],
    ['/work/site/content', 'is the content folder (RUNBOOKS_CONTENT_DIR)'],
    ['/work/site/content/runbooks', 'is inside the content folder /work/site/content'],
    ['/home/me', 'is your home folder'],
    ['/home', 'holds your home folder /home/me'],
  ];
  for (const [out, expected] of cases) test(`${out}: ${expected ?? 'allowed'}`, () => assert.equal(outDirPlaceProblem(out, places), expected));
  test('content outside the project', () => {
    const outside = { project: '/work/site', contentRoot: '/srv/runbooks', home: undefined };
    assert.equal(outDirPlaceProblem('/srv', outside), 'holds the content folder /srv/runbooks');
  });
});

describe('foreignEntriesProblem', () => {
  const cases: [string, string[], string | undefined][] = [
    ['an empty folder', [], undefined],
    ['a marked build with anything in it', [BUILD_MARKER, 'notes.txt'], undefined],
    ['an earlier build without the marker', ['index.html', 'alerts.json', 'pagefind/', '_astro/', 'runbooks/'], undefined],
    [
      "only what npm run pdf writes, a killed run's temporary file too",
      [
        'runbooks.pdf',
        'runbooks-production.pdf',
        'pdfs.json',
        '.runbooks.pdf.123-1.tmp',
        'services/',
        'services/payments/',
        'services/payments/runbooks-staging.pdf',
      ],
      undefined,
    ],
    ["someone's own page", ['index.html'], 'holds files no build wrote (index.html)'],
    ['half an earlier build', ['index.html', 'alerts.json'], 'holds files no build wrote (alerts.json, index.html)'],
    [
      'a file deeper in services/',
      ['services/', 'services/payments/', 'services/payments/notes.txt'],
      'holds files no build wrote (services/payments/notes.txt)',
    ],
    ['many files', ['a', 'b', 'c', 'd', 'e'], 'holds files no build wrote (a, b, c and 2 more)'],
  ];
  for (const [name, entries, expected] of cases) test(name, () => assert.equal(foreignEntriesProblem(entries), expected));
});
