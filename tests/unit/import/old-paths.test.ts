import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isIndexPage, longestSuffixMatch, pageKey, urlSegments } from '../../../src/lib/import/old-paths.ts';

describe('old paths', () => {
  test('a runbook_url reads as lower-cased segments, without origin, query, fragment, trailing slash or extension', () => {
    const cases: [unknown, string[] | undefined][] = [
      ['https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping', ['runbooks', 'kubernetes', 'kubepodcrashlooping']],
      ['https://old.example.com/runbooks/kubernetes/KubePodCrashLooping/?env=prod#diagnosis', ['runbooks', 'kubernetes', 'kubepodcrashlooping']],
      [
        'https://github.com/acme/runbooks/blob/main/docs/kubernetes/KubePodCrashLooping.md',
        ['acme', 'runbooks', 'blob', 'main', 'docs', 'kubernetes', 'kubepodcrashlooping'],
      ],
      ['https://wiki.example.com/kubernetes/README.md', ['kubernetes']],
      ['https://wiki.example.com/kubernetes/index.html', ['kubernetes']],
      ['/runbooks/node/Node%20Clock.html', ['runbooks', 'node', 'node clock']],
      ['https://old.example.com/runbooks/{{ $labels.alertname }}', undefined],
      ['https://old.example.com/r/x?pod={{ $labels.pod | urlquery }}', ['r', 'x']],
      ['', undefined],
      [42, undefined],
    ];
    for (const [url, expected] of cases) assert.deepEqual(urlSegments(url), expected, String(url));
  });

  test("a page's key is its path the way old links name it; an index page stands for its folder", () => {
    assert.deepEqual(pageKey('kubernetes/KubePodCrashLooping.md'), ['kubernetes', 'kubepodcrashlooping']);
    assert.deepEqual(pageKey('kubernetes/_index.md'), ['kubernetes']);
    assert.deepEqual(pageKey('README.md'), []);
    assert.equal(isIndexPage('node/index.md'), true);
    assert.equal(isIndexPage('node/Readme.MD'), true);
    assert.equal(isIndexPage('node/indexer.md'), false);
  });

  test('the longest path that ends the URL wins; two as long are ambiguous', () => {
    const pages = [
      { path: 'KubePodCrashLooping.md', keys: [['kubepodcrashlooping']] },
      { path: 'kubernetes/KubePodCrashLooping.md', keys: [['kubernetes', 'kubepodcrashlooping']] },
      { path: 'a/Dup.md', keys: [['dup']] },
      { path: 'b/Dup.md', keys: [['dup']] },
    ];
    const keys = (page: { keys: string[][] }) => page.keys;
    assert.equal(longestSuffixMatch(['runbooks', 'kubernetes', 'kubepodcrashlooping'], pages, keys).match?.path, 'kubernetes/KubePodCrashLooping.md');
    assert.equal(longestSuffixMatch(['other', 'kubepodcrashlooping'], pages, keys).match?.path, 'KubePodCrashLooping.md');
    assert.deepEqual(
      longestSuffixMatch(['dup'], pages, keys).ambiguous.map((page) => page.path),
      ['a/Dup.md', 'b/Dup.md'],
    );
    assert.equal(longestSuffixMatch(['nothing'], pages, keys).match, undefined);
  });
});
