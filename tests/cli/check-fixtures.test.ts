import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * `npm run check` as a user runs it: a real process, from the project root, over the bad-input catalogue
 * (`tests/fixtures/bad/<case>/`, each with the exact lines it must print in `expected.txt`), a good root and the
 * real content.
 */
const PROJECT = fileURLToPath(new URL('../..', import.meta.url));
const BAD = 'tests/fixtures/bad';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function check(...args: string[]): Promise<Run> {
  const env = { ...process.env };
  delete env['RUNBOOKS_CONTENT_DIR'];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['src/cli/check.ts', ...args], { cwd: PROJECT, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

const lines = (text: string) => text.split('\n').filter(Boolean);
const cases = readdirSync(join(PROJECT, BAD)).sort();

describe('npm run check on the bad-input catalogue', { concurrency: 4 }, () => {
  test('the catalogue has the 22 kinds of bad input issue 7 asks for, and more', () => assert.ok(cases.length >= 22, `${cases.length} cases`));

  for (const name of cases) {
    test(name, async () => {
      const expected = lines(readFileSync(join(PROJECT, BAD, name, 'expected.txt'), 'utf8'));
      const { code, stdout, stderr } = await check('--root', `${BAD}/${name}`);
      assert.deepEqual(lines(stdout), expected);
      assert.equal(code, 1, stderr);
    });
  }
});

describe('npm run check', { concurrency: 4 }, () => {
  test('the real content has no errors (warnings allowed)', async () => {
    const { code, stdout } = await check();
    assert.equal(code, 0, stdout);
    assert.doesNotMatch(stdout, /: error: /);
  });

  test('RUNBOOKS_CONTENT_DIR points it at other content, as it does the build', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['src/cli/check.ts'], {
      cwd: PROJECT,
      env: { ...process.env, RUNBOOKS_CONTENT_DIR: `${BAD}/unknown-severity` },
    }).catch((error: { stdout: string }) => error);
    assert.deepEqual(lines(stdout), lines(readFileSync(join(PROJECT, BAD, 'unknown-severity', 'expected.txt'), 'utf8')));
  });

  test('a good root passes even with --strict', async () => {
    const { code, stdout, stderr } = await check('--root', 'tests/fixtures/good', '--strict', '--today', '2026-11-28');
    assert.equal(stdout, '');
    assert.equal(stderr, 'check: 0 errors, 0 warnings\n');
    assert.equal(code, 0);
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
    assert.equal(late.code, 0);
    assert.equal((await check('--root', 'tests/fixtures/good', '--today', '2027-06-01', '--strict')).code, 1);
    assert.deepEqual(lines((await check('--root', 'tests/fixtures/good', '--today', '2027-06-01', '--review-every', '365d')).stdout), [
      'tests/fixtures/good/runbooks/payments/database-down.mdx:9:16: warning: last_reviewed: review overdue: last reviewed 2026-11-01, 212 days ago; the review period is 90 days',
    ]);
  });

  test('--format json gives the same problems as data', async () => {
    const { code, stdout } = await check('--root', `${BAD}/duplicate-alert`, '--format', 'json');
    assert.equal(code, 1);
    assert.deepEqual(JSON.parse(stdout), [
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

  test('--dist finds a secret in built HTML, split into highlighter spans as shiki writes it', async () => {
    const { code, stdout } = await check('--dist', 'tests/fixtures/published');
    assert.deepEqual(lines(stdout), [
      'tests/fixtures/published/runbooks/payments/api-down/index.html:3: error: published secret (password in a connection URL): remove it from the content, rebuild, and rotate it',
    ]);
    assert.equal(code, 1);
  });

  test('a content root without runbooks is an error, not an empty success', async () => {
    const { code, stdout } = await check('--root', 'tests/fixtures/no-such-root');
    assert.deepEqual(lines(stdout), [
      'tests/fixtures/no-such-root/runbooks: error: no runbooks folder here: is the content root right? (--root DIR or RUNBOOKS_CONTENT_DIR)',
    ]);
    assert.equal(code, 1);
  });

  test('a wrong command line exits 2 with the usage', async () => {
    for (const args of [['--nope'], ['--format', 'xml'], ['--review-every', 'soon'], ['--today', '31/01/2026'], ['--dist', 'dist', '--root', 'content']]) {
      const { code, stderr } = await check(...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /usage: npm run check/);
    }
  });
});
