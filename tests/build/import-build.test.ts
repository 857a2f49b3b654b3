import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { ImportReport } from '../../src/lib/import/report.ts';
import { buildEnv, runCli } from '../helpers/run-cli.ts';

/**
 * What `npm run import` writes builds: the fixture collection (tests/fixtures/import) imported into a new content
 * root outside the project, then one real build of it, as a team's own runbooks are built (RUNBOOKS_CONTENT_DIR).
 * Every alert a rule linked has its `/alerts/<NAME>/` page, the image beside a page is published, and rewritten
 * links lead to the runbooks. The import's other promises are tests/cli/import.test.ts.
 */
const work = mkdtempSync(join(tmpdir(), 'import-build-'));
after(() => rmSync(work, { recursive: true, force: true }));
const root = join(work, 'team-runbooks');
const out = join(work, 'out');

describe('the site built from an imported collection', () => {
  test('builds, with a page for every rule-linked alert, the image beside its page, and the rewritten links', async () => {
    const imported = await runCli(
      'import',
      ['tests/fixtures/import/content/runbooks', '--rules', 'tests/fixtures/import/rules', '--into', root, '--format', 'json'],
      {
        env: { RUNBOOKS_CONTENT_DIR: undefined },
      },
    );
    assert.equal(imported.status, 0, imported.stderr);
    const report = JSON.parse(imported.stdout) as ImportReport;

    const build = await runCli('build', [], { env: buildEnv({ content: root, out, cache: join(work, 'cache') }) });
    assert.equal(build.status, 0, build.stdout + build.stderr);

    const alerts = report.imported.flatMap((page) => (page.fields['alerts']?.value as string[] | undefined) ?? []);
    assert.equal(alerts.length, 8);
    for (const alert of alerts) {
      const page = join(out, 'alerts', alert, 'index.html');
      assert.ok(existsSync(page), `no page for alert ${alert}`);
    }
    const manifest = JSON.parse(readFileSync(join(out, 'alerts.json'), 'utf8')) as { alert: string; runbook: string }[];
    assert.deepEqual(manifest.map((entry) => entry.alert).sort(), [...alerts].sort());

    const html = (slug: string) => readFileSync(join(out, 'runbooks', slug, 'index.html'), 'utf8');
    for (const page of report.imported) assert.ok(existsSync(join(out, 'runbooks', page.slug, 'index.html')), page.slug);
    // The image beside the page, processed by the build and shown on the page.
    const image = /<img[^>]+src="(\/_astro\/pvc-usage[^"]+)"/.exec(html('kubernetes/KubePersistentVolumeFillingUp'))?.[1];
    assert.ok(image, 'the page shows its image');
    assert.ok(readdirSync(join(out, '_astro')).some((name) => image.endsWith(name)));
    // A Hugo ref and an old page URL, rewritten to .md links, lead to the runbooks.
    const crashLooping = html('kubernetes/KubePodCrashLooping');
    assert.match(crashLooping, /href="\/runbooks\/kubernetes\/KubePodNotReady\/"/);
    assert.match(crashLooping, /href="\/runbooks\/kubernetes\/KubePersistentVolumeFillingUp\/#mitigation"/);
    assert.match(html('runbooks/_index'), /href="\/runbooks\/node\/_index\/"/);
    // Watchdog.md took its title from its leading heading, which the page then shows once, in the header.
    assert.deepEqual(
      [...html('general/Watchdog').matchAll(/<h1[^>]*>([^<]*)</g)].map((match) => match[1]),
      ['Watchdog'],
    );
  });
});
