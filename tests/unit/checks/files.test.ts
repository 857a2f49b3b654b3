import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkFiles, firstInvalidUtf8, isEmptyFile } from '../../../src/lib/checks/files.ts';
import { formatProblem } from '../../../src/lib/errors.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('UTF-8', () => {
  const cases: [string, Uint8Array, number | undefined][] = [
    ['ASCII', utf8('plain text\n'), undefined],
    ['é, €, 𝄞 and a BOM', utf8('\uFEFFcafé € 𝄞'), undefined],
    ['Latin-1 é', bytes(0x63, 0x61, 0x66, 0xe9), 3],
    ['a lone continuation byte', bytes(0x61, 0x80), 1],
    ['an overlong slash (C0 AF)', bytes(0xc0, 0xaf), 0],
    ['an overlong three-byte form (E0 80 80)', bytes(0xe0, 0x80, 0x80), 0],
    ['a surrogate (ED A0 80)', bytes(0xed, 0xa0, 0x80), 0],
    ['above U+10FFFF (F4 90 80 80)', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['a sequence cut short at the end', bytes(0x61, 0xe2, 0x82), 1],
    ['UTF-16 with its byte-order mark', bytes(0xff, 0xfe, 0x61, 0x00), 0],
  ];
  for (const [name, input, expected] of cases) {
    test(name, () => assert.equal(firstInvalidUtf8(input), expected));
  }
});

describe('files', () => {
  test('empty means nothing but white space', () => {
    assert.deepEqual([bytes(), utf8(' \n\t\r\n'), utf8('---\n')].map(isEmptyFile), [true, true, false]);
  });

  test('two files for one page, an empty file and a Latin-1 file, each named with its line', () => {
    const problems = checkFiles([
      { file: 'content/runbooks/db/a.md', slug: 'db/a', bytes: utf8('---\ntitle: A\n---\n') },
      { file: 'content/runbooks/db/a.mdx', slug: 'db/a', bytes: utf8('---\ntitle: A\n---\n') },
      { file: 'content/runbooks/db/b.md', slug: 'db/b', bytes: utf8('\n\n') },
      { file: 'content/runbooks/db/c.md', slug: 'db/c', bytes: Uint8Array.from([...utf8('---\ntitle: C\n---\n\nAu caf'), 0xe9, 0x0a]) },
      { file: 'content/runbooks/db/d.md', slug: 'db/d', bytes: bytes(0xfe, 0xff, 0x00, 0x61) },
    ]);
    assert.deepEqual(problems.map(formatProblem), [
      'content/runbooks/db/a.mdx:1:1: content/runbooks/db/a.md and content/runbooks/db/a.mdx are the same page "db/a": keep one of them',
      'content/runbooks/db/b.md:1:1: empty file: a runbook needs frontmatter (title, summary, service …) and a body',
      'content/runbooks/db/c.md:5:7: not valid UTF-8: byte 0xE9 at offset 24; save the file as UTF-8',
      'content/runbooks/db/d.md:1:1: not UTF-8: the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8',
    ]);
  });
});

describe('file names', () => {
  const page = utf8('---\ntitle: A\n---\n');
  const named = (path: string) => ({ file: `content/runbooks/${path}`, slug: path.replace(/\.mdx?$/, ''), bytes: page });

  test('a name that cannot be a URL is an error naming the characters and a name to use instead', () => {
    const rule = `a page's file and folder names make its URL, where # ? % \\, white space and control characters are not allowed`;
    const cases: [string, string][] = [
      ['db/api#down.md', `the name holds "#": ${rule}; rename it, e.g. to db/api-down.md`],
      ['db/api?down.mdx', `the name holds "?": ${rule}; rename it, e.g. to db/api-down.mdx`],
      ['db/100%.md', `the name holds "%": ${rule}; rename it, e.g. to db/100.md`],
      ['db/api down.md', `the name holds " ": ${rule}; rename it, e.g. to db/api-down.md`],
      ['my db/api.md', `the name holds " ": ${rule}; rename it, e.g. to my-db/api.md`],
      ['db/api\tdown.md', `the name holds U+0009: ${rule}; rename it, e.g. to db/api-down.md`],
      ['db/api\ndown.md', `the name holds U+000A: ${rule}; rename it, e.g. to db/api-down.md`],
      ['db/api\u202Enwod.md', `the name holds U+202E: ${rule}; rename it, e.g. to db/api-nwod.md`],
      ['db/a\u00A0b #1.md', `the name holds U+00A0, " ", "#": ${rule}; rename it, e.g. to db/a-b-1.md`],
      ['db/a\\b.md', `the name holds "\\\\": ${rule}; rename it, e.g. to db/a-b.md`],
    ];
    for (const [path, message] of cases) {
      assert.deepEqual(
        checkFiles([named(path)]).map((problem) => problem.message),
        [message],
        JSON.stringify(path),
      );
    }
  });

  test('the printed line escapes control characters in the path, so one problem stays one line', () => {
    const [problem] = checkFiles([named('db/api\ndown.md')]);
    assert.match(formatProblem(problem!), /^content\/runbooks\/db\/api\\u000adown\.md: the name holds U\+000A/);
  });

  test('names that are not lower-case slugs are fine: they build as they are named', () => {
    assert.deepEqual(checkFiles(['alerts/KubePodCrashLooping.md', 'db/DB_CPU_HIGH.mdx', 'db/v1.2-upgrade.md', 'ops/café.md'].map(named)), []);
  });

  test('two pages the book would give one anchor are an error on the second', () => {
    assert.deepEqual(checkFiles([named('db--x/y.md'), named('db/x--y.md')]).map(formatProblem), [
      'content/runbooks/db/x--y.md: pages "db--x/y" and "db/x--y" would share the anchor #rb-db--x--y in the book, where "/" becomes "--": rename one of them (without "--")',
    ]);
  });
});
