import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { buildEnv, runCli } from '../helpers/run-cli.ts';

/**
 * Pages `npm run check` passes must build, and read as the check read them: the build's loader parses frontmatter
 * with the check's parser (src/plugins/validated-loader.ts). Each page here passed the check and crashed the build,
 * or was built from a value the check never saw. The content root lies outside the project, as a team's own
 * runbooks do (RUNBOOKS_CONTENT_DIR), which is what "Edit this page" got wrong.
 */
const work = mkdtempSync(join(tmpdir(), 'one-verdict-build-'));
after(() => rmSync(work, { recursive: true, force: true }));
const root = join(work, 'team-runbooks');

const runbook = (title: string, alert: string) =>
  `---\ntitle: ${title}\nsummary: Use when it breaks.\nservice: payments\nseverity: critical\nalerts: [${alert}]\nsla:\n  response: 15m\nlast_reviewed: 2026-01-15\n---\n\nIt breaks.\n\n## Diagnosis\n\n\`\`\`bash\nkubectl get pods -n {{namespace}}\n\`\`\`\n\n## Resolution\n\nRestart it.\n`;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

write('environments.yaml', '\uFEFFproduction:\n  label: Production\n  vars:\n    namespace: payments\n');
write('site.yaml', 'edit_url: https://git.example.com/team/runbooks/-/edit/main\n');
// Astro's own parser (js-yaml) read these titles as Dates; the check reads the text.
write('runbooks/payments/dated.md', runbook('2026-01-01', 'Dated'));
write('runbooks/payments/dated-mdx.mdx', runbook('2026-01-02', 'DatedMdx'));
// A UTF-8 byte-order mark from a Windows editor.
write('runbooks/payments/bom.md', `\uFEFF${runbook('Saved with a BOM', 'Bom')}`);
write('runbooks/payments/bom-mdx.mdx', `\uFEFF${runbook('Saved with a BOM, in MDX', 'BomMdx')}`);
// Not a lower-case slug, and fine: named after its alert.
write('runbooks/payments/KubePodCrashLooping.md', runbook('Pods crash looping', 'KubePodCrashLooping'));

describe('npm run build of what npm run check passes', () => {
  test('dated titles, byte-order marks and an alert-named file build; "Edit this page" points into the content root', async () => {
    const check = await runCli('check', ['--root', root, '--today', '2026-02-01'], { env: { RUNBOOKS_CONTENT_DIR: undefined } });
    assert.equal(check.stdout, '');
    assert.equal(check.status, 0, check.stderr);

    const outDir = join(work, 'out');
    const { status, stdout, stderr } = await runCli('build', [], {
      env: buildEnv({ content: root, out: outDir, cache: join(work, 'cache') }),
    });
    assert.equal(status, 0, stdout + stderr);
    const page = (slug: string) => readFileSync(join(outDir, 'runbooks', slug, 'index.html'), 'utf8');
    const title = (slug: string) => /<h1[^>]*>([^<]*)</.exec(page(slug))?.[1]?.trim();
    assert.deepEqual(['payments/dated', 'payments/dated-mdx', 'payments/bom', 'payments/bom-mdx', 'payments/KubePodCrashLooping'].map(title), [
      '2026-01-01',
      '2026-01-02',
      'Saved with a BOM',
      'Saved with a BOM, in MDX',
      'Pods crash looping',
    ]);
    assert.match(page('payments/dated-mdx'), /href="https:\/\/git\.example\.com\/team\/runbooks\/-\/edit\/main\/runbooks\/payments\/dated-mdx\.mdx"/);
  });
});
