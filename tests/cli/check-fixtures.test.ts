import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { PROJECT, runCli } from '../helpers/run-cli.ts';

/**
 * `npm run check` as a user runs it: a real process, from the project root, over the bad-input catalogue
 * (`tests/fixtures/bad/<case>/`, each with the exact lines it must print in `expected.txt`), a good root and the
 * real content.
 */
const BAD = 'tests/fixtures/bad';

/** `npm run check` with none of the shell's RUNBOOKS_CONTENT_DIR. */
const check = (...args: string[]) => runCli('check', args, { env: { RUNBOOKS_CONTENT_DIR: undefined } });

const lines = (text: string) => text.split('\n').filter(Boolean);
const cases = readdirSync(join(PROJECT, BAD)).sort();

describe('npm run check on the bad-input catalogue', { concurrency: 4 }, () => {
  test('every case is a content root with runbooks and an expected.txt of errors about its own files', () => {
    const problems = cases.flatMap((name) => {
      const folder = join(PROJECT, BAD, name);
      if (!statSync(folder).isDirectory()) return [`${name}: not a folder; every entry of ${BAD} is a case`];
      const found: string[] = [];
      if (!existsSync(join(folder, 'runbooks'))) found.push(`${name}: no runbooks/ folder, so the check would stop at that instead`);
      if (!existsSync(join(folder, 'expected.txt'))) return [...found, `${name}: no expected.txt`];
      const expected = lines(readFileSync(join(folder, 'expected.txt'), 'utf8'));
      if (!expected.some((line) => line.includes(': error: '))) found.push(`${name}: expected.txt has no error line`);
      // A line about another folder would let a case pass on what a neighbour does wrong.
      for (const line of expected.filter((text) => !text.startsWith(`${BAD}/${name}/`)))
        found.push(`${name}: expected.txt names a file outside the case: ${line}`);
      return found;
    });
    assert.deepEqual(problems, []);
  });

  for (const name of cases) {
    test(name, async () => {
      const expected = lines(readFileSync(join(PROJECT, BAD, name, 'expected.txt'), 'utf8'));
      const { status, stdout, stderr } = await check('--root', `${BAD}/${name}`);
      assert.deepEqual(lines(stdout), expected);
      assert.equal(status, 1, stderr);
    });
  }
});

describe('npm run check', { concurrency: 4 }, () => {
  test('the real content has no errors (warnings allowed)', async () => {
    const { status, stdout } = await check();
    assert.equal(status, 0, stdout);
    assert.doesNotMatch(stdout, /: error: /);
  });

  test('RUNBOOKS_CONTENT_DIR points it at other content, as it does the build', async () => {
    const { stdout } = await runCli('check', [], { env: { RUNBOOKS_CONTENT_DIR: `${BAD}/unknown-severity` } });
    assert.deepEqual(lines(stdout), lines(readFileSync(join(PROJECT, BAD, 'unknown-severity', 'expected.txt'), 'utf8')));
  });

  test('a good root passes even with --strict', async () => {
    const { status, stdout, stderr } = await check('--root', 'tests/fixtures/good', '--strict', '--today', '2026-11-28');
    assert.equal(stdout, '');
    assert.match(stderr, /\ncheck: 0 errors, 0 warnings\n$/);
    assert.equal(status, 0);
  });

  test('review age is a warning: exit 0, and 1 with --strict; site.yaml, then --review-every, then the page set the period', async () => {
    const late = await check('--root', 'tests/fixtures/good', '--today', '2027-06-01');
    assert.deepEqual(lines(late.stdout), [
      // tests/fixtures/good/site.yaml says `review_every: 200d`.
      'tests/fixtures/good/runbooks/payments/api-down.md:9:16: warning: last_reviewed: review overdue: last reviewed 2026-11-01, 212 days ago; the review period is 200 days',
      // Its own `review_every: 90d` wins over the site-wide period.
      'tests/fixtures/good/runbooks/payments/database-down.mdx:9:16: warning: last_reviewed: review overdue: last reviewed 2026-11-01, 212 days ago; the review period is 90 days',
      'tests/fixtures/good/runbooks/payments/deploy.md:6:16: warning: last_reviewed: review overdue: last reviewed 2026-11-01, 212 days ago; the review period is 200 days',
    ]);
    assert.equal(late.status, 0);
    assert.equal((await check('--root', 'tests/fixtures/good', '--today', '2027-06-01', '--strict')).status, 1);
    assert.deepEqual(lines((await check('--root', 'tests/fixtures/good', '--today', '2027-06-01', '--review-every', '365d')).stdout), [
      'tests/fixtures/good/runbooks/payments/database-down.mdx:9:16: warning: last_reviewed: review overdue: last reviewed 2026-11-01, 212 days ago; the review period is 90 days',
    ]);
  });

  test('--format json gives the same problems as data', async () => {
    const { status, stdout } = await check('--root', `${BAD}/duplicate-alert`, '--format', 'json');
    assert.equal(status, 1);
    assert.deepEqual(JSON.parse(stdout).problems, [
      {
        file: `${BAD}/duplicate-alert/runbooks/payments/api-errors.md`,
        line: 6,
        column: 10,
        severity: 'error',
        field: 'alerts',
        message: `alert "PaymentsAPIDown" is already handled by ${BAD}/duplicate-alert/runbooks/payments/api-down.md; an alert belongs to exactly one runbook`,
      },
    ]);
  });

  test('it says how many snippets it parsed and which it did not, in text and in --format json', async () => {
    const text = await check('--root', `${BAD}/snippet-sql-typo`);
    assert.match(text.stderr, /^snippets: 2 parsed \(0 shell, 0 promql, 2 sql, 0 yaml, 0 json\); not parsed: 1 MySQL\n/m);
    const yaml = await check('--root', `${BAD}/snippet-yaml-tab-indent`, '--format', 'json');
    assert.deepEqual(JSON.parse(yaml.stdout).snippets, {
      checked: { shell: 0, promql: 0, sql: 0, yaml: 1, json: 1 },
      templates: 1,
      mysql: 0,
      nocheck: 0,
      optedOutPages: 0,
      optedOutBlocks: 0,
    });
    const nocheck = await check('--root', `${BAD}/snippet-json-trailing-comma`);
    assert.match(nocheck.stderr, /; not parsed: 1 nocheck\n/);
  });

  test('a page with check_snippets: false is not parsed, and counted', async () => {
    const { status, stdout, stderr } = await check('--root', 'tests/fixtures/good', '--strict', '--today', '2026-11-28');
    assert.equal(stdout, '');
    assert.equal(status, 0);
    assert.match(stderr, /; not parsed: 2 blocks on 1 page with check_snippets: false\n/);
  });

  test('--dist finds a secret in built HTML, split into highlighter spans as shiki writes it', async () => {
    const { status, stdout } = await check('--dist', 'tests/fixtures/published');
    assert.deepEqual(lines(stdout), [
      'tests/fixtures/published/runbooks/payments/api-down/index.html:3: error: published secret (password in a connection URL): remove it from the content, rebuild, and rotate it',
    ]);
    assert.equal(status, 1);
  });

  test('a content root without runbooks is an error, not an empty success', async () => {
    const { status, stdout } = await check('--root', 'tests/fixtures/no-such-root');
    assert.deepEqual(lines(stdout), [
      'tests/fixtures/no-such-root/runbooks: error: no runbooks folder here: is the content root right? (--root DIR or RUNBOOKS_CONTENT_DIR)',
    ]);
    assert.equal(status, 1);
  });

  test('a wrong command line exits 2 with the usage', async () => {
    for (const args of [['--nope'], ['--format', 'xml'], ['--review-every', 'soon'], ['--today', '31/01/2026'], ['--dist', 'dist', '--root', 'content']]) {
      const { status, stderr } = await check(...args);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, /usage: npm run check/);
    }
  });
});
