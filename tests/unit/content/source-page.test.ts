import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { editLink } from '../../../src/lib/content/edit-url.ts';
import { parseDay } from '../../../src/lib/content/schemas/common.ts';
import { siteConfigSchema } from '../../../src/lib/content/schemas/site.ts';
import { parseSourcePage } from '../../../src/lib/content/source-page.ts';
import { formatProblem } from '../../../src/lib/errors.ts';

const FILE = 'content/runbooks/db/latency.md';

const page = (frontmatter: string) =>
  `---\ntitle: Database latency\nsummary: Queries are slow.\nservice: db\nseverity: high\nalerts: [DB_LATENCY_HIGH]\nsla:\n  response: 1h\n${frontmatter}---\n\nBody.\n`;

/** What `npm run check` reads of a page: its data, or its problems as printed. */
function read(text: string) {
  const { page: parsed, problems } = parseSourcePage(FILE, 'db/latency', text);
  return { data: parsed.data, problems: problems.map(formatProblem) };
}

describe('a runbook as the check reads it', () => {
  test('a UTF-8 byte-order mark before the frontmatter is ignored, as Astro ignores it', () => {
    const { data, problems } = read(`\uFEFF${page('')}`);
    assert.deepEqual(problems, []);
    assert.equal(data?.title, 'Database latency');
    // With Windows line ends too.
    assert.deepEqual(read(`\uFEFF${page('').replaceAll('\n', '\r\n')}`).problems, []);
  });

  test('a title that looks like a date is the text the author wrote', () => {
    assert.equal(read(page('').replace('title: Database latency', 'title: 2026-01-01')).data?.title, '2026-01-01');
  });

  test('last_reviewed is a real day written YYYY-MM-DD, and nothing else', () => {
    assert.deepEqual(read(page('last_reviewed: 2024-02-29\n')).data?.last_reviewed, new Date('2024-02-29T00:00:00Z'));
    const cases: [string, string][] = [
      ['20260115', 'expected a date written YYYY-MM-DD, like 2026-01-31, got 20260115'],
      ['"Jan 5"', 'expected a date written YYYY-MM-DD, like 2026-01-31, got "Jan 5"'],
      ['true', 'expected a date written YYYY-MM-DD, like 2026-01-31, got true'],
      ['2026-1-5', 'expected a date written YYYY-MM-DD, like 2026-01-31, got "2026-1-5"'],
      ['2026-01-15T10:00:00Z', 'expected a date written YYYY-MM-DD, like 2026-01-31, got "2026-01-15T10:00:00Z"'],
      ['2026-02-30', '"2026-02-30" is not a day of the calendar: expected a real date, like 2026-01-31'],
      ['2025-02-29', '"2025-02-29" is not a day of the calendar: expected a real date, like 2026-01-31'],
      ['2026-13-01', '"2026-13-01" is not a day of the calendar: expected a real date, like 2026-01-31'],
    ];
    for (const [written, message] of cases) {
      assert.deepEqual(read(page(`last_reviewed: ${written}\n`)).problems, [`${FILE}:9:16: last_reviewed: ${message}`], written);
    }
  });

  test('parseDay', () => {
    assert.deepEqual(parseDay('2026-12-31'), new Date('2026-12-31T00:00:00Z'));
    assert.equal(parseDay('2026-04-31'), undefined);
    assert.equal(parseDay(' 2026-04-01'), undefined);
  });

  test('an alert name longer than a file name can be is an error, not a crash when its page is written', () => {
    assert.deepEqual(read(page('').replace('DB_LATENCY_HIGH', 'A'.repeat(201))).problems, [
      `${FILE}:6:10: alerts.0: expected an alert name of at most 200 characters (it names the page /alerts/<name>/), got 201: "${'A'.repeat(40)}…"`,
    ]);
    assert.deepEqual(read(page('').replace('DB_LATENCY_HIGH', 'A'.repeat(200))).problems, []);
  });

  test('a tag that is a list or a map says what a tag is, not "Invalid input"', () => {
    assert.deepEqual(read(page('tags: [postgres, 15, [[nested]]]\n')).problems, [`${FILE}:9:22: tags.2: expected a keyword (text), got [["nested"]]`]);
  });

  test('an alias bomb in frontmatter is one problem at its first alias', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[index]}`).join(', ')}]`),
    ];
    assert.deepEqual(read(page(`${bomb.join('\n')}\n`)).problems, [
      `${FILE}:10:8: invalid YAML frontmatter: aliases (*a) expand to too much data (more than 100 copies): write the values out instead`,
    ]);
  });
});

describe('"Edit this page"', () => {
  test('appends the path inside the content root to edit_url, wherever the content root is', () => {
    const url = 'https://github.com/acme/runbooks/edit/main/content/';
    assert.equal(editLink(url, 'db/latency', 'content/runbooks/db/latency.md'), `${url}runbooks/db/latency.md`);
    // RUNBOOKS_CONTENT_DIR outside the project: the path from the project (`../team-runbooks/…`) is not in the URL.
    assert.equal(
      editLink('https://git.example.com/team/runbooks/-/edit/main', 'db/latency', '../team-runbooks/runbooks/db/latency.mdx'),
      'https://git.example.com/team/runbooks/-/edit/main/runbooks/db/latency.mdx',
    );
    assert.equal(editLink(url, 'payments/KubePodCrashLooping', 'x/KubePodCrashLooping.md'), `${url}runbooks/payments/KubePodCrashLooping.md`);
  });

  test('edit_url is http or https: javascript: and its look-alikes are errors', () => {
    for (const url of ['javascript:alert(1)//', 'JavaScript:alert(1)', 'data:text/html,x', 'ftp://example.com/', 'vbscript:x']) {
      const result = siteConfigSchema.safeParse({ edit_url: url });
      assert.equal(result.success, false, url);
      assert.equal(
        result.error?.issues[0]?.message,
        `expected an http(s) URL like "https://github.com/acme/runbooks/edit/main/content/", got ${JSON.stringify(url)}`,
      );
    }
    assert.equal(siteConfigSchema.parse({ edit_url: 'http://git.internal/edit/' }).edit_url, 'http://git.internal/edit/');
  });
});
