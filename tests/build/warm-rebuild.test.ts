import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { buildEnv, PROJECT, runCli } from '../helpers/run-cli.ts';

/**
 * A warm rebuild (`npm run build` again, Astro's cache and the last build kept) is correct: after one runbook's
 * title, alert and body change, every place that shows them is new and nothing stale survives; after a runbook is
 * deleted, its pages are gone. The unchanged page must really be copied from the last build ("(restored)"), or the
 * test would prove nothing about the incremental build.
 *
 * Builds run one at a time, in a copy of tests/fixtures/good where `deploy` lists `api-down` as related (so a page
 * whose own file does not change still shows the edited title).
 */
const work = mkdtempSync(join(tmpdir(), 'warm-rebuild-'));
const content = join(work, 'content');
const outDir = join(work, 'out');
after(() => rmSync(work, { recursive: true, force: true }));

async function build(): Promise<string> {
  const env = buildEnv({ content, out: outDir, cache: join(work, 'cache') });
  const { status, stdout, stderr } = await runCli('build', [], { env });
  assert.equal(status, 0, stdout + stderr);
  return stdout + stderr;
}

const file = (path: string) => readFileSync(join(outDir, path), 'utf8');
const runbook = (slug: string) => file(`runbooks/${slug}/index.html`);
const edit = (path: string, change: (text: string) => string) => writeFileSync(join(content, path), change(readFileSync(join(content, path), 'utf8')));

/** Every page in the search index: pagefind's fragments, gzip-compressed JSON after a signature. */
function searchFragments(): { url: string; content: string }[] {
  const folder = join(outDir, 'pagefind', 'fragment');
  return readdirSync(folder).map((name) =>
    JSON.parse(
      gunzipSync(readFileSync(join(folder, name)))
        .toString('utf8')
        .replace(/^pagefind_dcd/, ''),
    ),
  );
}

/** The files of the offline copy, by path inside the zip. */
function offlineCopy(): Record<string, string> {
  const files = unzipSync(readFileSync(join(outDir, 'runbooks-offline.zip')));
  return Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, Buffer.from(bytes).toString('utf8')]));
}

describe('a warm rebuild', () => {
  let warm = '';
  before(async () => {
    cpSync(join(PROJECT, 'tests/fixtures/good'), content, { recursive: true });
    edit('runbooks/payments/deploy.md', (text) => text.replace('kind: procedure\n', 'kind: procedure\nrelated: [payments/api-down]\n'));
    await build();
    assert.match(runbook('payments/deploy'), /Payments API down/);
    edit('runbooks/payments/api-down.md', (text) =>
      text
        .replace('title: Payments API down', 'title: Payments API unreachable')
        .replace('alerts: [PaymentsAPIDown]', 'alerts: [PaymentsAPIUnreachable]')
        .replace('customers cannot pay.', 'customers cannot pay; checkout shows a spinner.'),
    );
    warm = await build();
  });

  test('copies the unchanged page from the last build and renders the edited one', () => {
    assert.match(warm, /\/runbooks\/payments\/database-down\/index\.html \((restored|cached)\)/);
    assert.doesNotMatch(warm, /\/runbooks\/payments\/api-down\/index\.html \((restored|cached)\)/);
  });

  test('shows the new title, alert and body on the page, and the new title where others list it', () => {
    const page = runbook('payments/api-down');
    assert.match(page, /Payments API unreachable/);
    assert.match(page, /PaymentsAPIUnreachable/);
    assert.match(page, /checkout shows a spinner/);
    for (const stale of [/Payments API down/, /PaymentsAPIDown/]) assert.doesNotMatch(page, stale);
    for (const listing of [runbook('payments/deploy'), file('index.html')]) {
      assert.match(listing, /Payments API unreachable/);
      assert.doesNotMatch(listing, /Payments API down/);
    }
  });

  test('moves the alert: index, alerts.json and alert pages name the new alert only', () => {
    for (const listing of [file('alerts/index.html'), file('alerts.json')]) {
      assert.match(listing, /PaymentsAPIUnreachable/);
      assert.doesNotMatch(listing, /PaymentsAPIDown/);
    }
    assert.match(file('alerts/PaymentsAPIUnreachable/index.html'), /runbooks\/payments\/api-down\//);
    assert.equal(existsSync(join(outDir, 'alerts/PaymentsAPIDown')), false);
  });

  test('indexes the new text for search, and not the old', () => {
    const fragments = searchFragments();
    const page = fragments.find((fragment) => fragment.url === '/runbooks/payments/api-down/');
    assert.match(page?.content ?? '', /Payments API unreachable.*checkout shows a spinner/);
    assert.deepEqual(
      fragments.filter((fragment) => /Payments API down|PaymentsAPIDown/.test(fragment.content)).map((fragment) => fragment.url),
      [],
    );
  });

  test('keeps the build before beside it, as it was, until the next build', () => {
    assert.match(readFileSync(join(`${outDir}.previous`, 'runbooks/payments/api-down/index.html'), 'utf8'), /Payments API down/);
  });

  test('puts the new page in the offline copy', () => {
    const page = offlineCopy()['runbooks/runbooks/payments/api-down/index.html'] ?? '';
    assert.match(page, /checkout shows a spinner/);
  });

  describe('after a runbook is deleted', () => {
    before(async () => {
      rmSync(join(content, 'runbooks/payments/deploy.md'));
      await build();
    });

    test('its page is gone from the site, the home page, search and the offline copy', () => {
      assert.equal(existsSync(join(outDir, 'runbooks/payments/deploy')), false);
      assert.doesNotMatch(file('index.html'), /Deploy the payments API/);
      assert.deepEqual(
        searchFragments().filter((fragment) => fragment.url.includes('deploy') || fragment.content.includes('Deploy the payments API')),
        [],
      );
      assert.equal(
        Object.keys(offlineCopy()).some((path) => path.includes('payments/deploy')),
        false,
      );
    });
  });
});
