import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { buildEnv, PROJECT } from '../helpers/run-cli.ts';

/**
 * The build's second line (src/lib/html/sanitize-content.ts): hostile content that got past `npm run check` still
 * publishes no script. `astro build` runs directly with RUNBOOKS_CONTENT_CHECKED=1, as `npm run build` runs it after
 * its own check, so the check does not run at all (src/plugins/content-check.ts) and only the sanitiser stands
 * between the content and the page. One build of one Markdown and one MDX page.
 *
 * The MDX page also holds code, which would run while the page is built, before any sanitiser sees it: the compile
 * step's guard (src/plugins/mdast-mdx-code-guard.ts) must drop it, so that the build's secret is published nowhere
 * and no file is written, while `{frontmatter.title}` still renders.
 */
const work = mkdtempSync(join(tmpdir(), 'sanitised-content-'));
after(() => rmSync(work, { recursive: true, force: true }));
/** In the build's environment only; the build must not publish it. */
const SECRET = `runbooks-test-secret-${process.pid}-${Date.now()}`;
/**
 * The file the MDX page's `export` would write. (A frontmatter `layout`, the other way to code, is refused by the
 * schema the build's loader also applies, so even this build stops at it: the guard's unit test and the
 * mdx-frontmatter-layout bad-input case cover it.)
 */
const WRITTEN = join(work, 'mdx-export-ran.txt');

const FRONTMATTER = (title: string) => `---
title: ${title}
summary: Use when the payments API answers nothing.
service: payments
severity: critical
alerts: [${title.replace(/\W/g, '')}]
sla:
  response: 15m
---
`;

const MARKDOWN = `${FRONTMATTER('Hostile Markdown')}
The payments API answers nothing.

<script>window.hostileScript = document.cookie</script>

<img src="https://grafana.example.com/errors.png" alt="Error rate" onerror="window.hostileHandler = 1">

Open the [dashboard](javascript:window.hostileLink=1), the <a href="&#106;avascript:window.hostileEntity=1">logs</a>,
the <a href="java&#x09;script:window.hostileTab=1">traces</a> and ![a chart](data:image/svg+xml;base64,PHN2Zz4=).

<meta http-equiv="refresh" content="0; url=https://evil.example/">
<iframe src="https://evil.example/"></iframe>
<div style="background:url(https://evil.example/track.gif)">Page the payments team first.</div>

## Diagnosis

\`\`\`bash
kubectl get pods -n payments
\`\`\`
`;

const MDX = `${FRONTMATTER('Hostile MDX')}
The payments API answers nothing. This page is {frontmatter.title}.

export const written = (await import('node:fs')).writeFileSync(${JSON.stringify(WRITTEN)}, 'ran')

{process.env.RUNBOOKS_TEST_SECRET}

Token <span title={process.env.RUNBOOKS_TEST_SECRET}>hidden</span>.

<img src="https://grafana.example.com/errors.png" alt="Latency" onError="window.hostileJsx = 1" />

<a href="JavaScript:window.hostileJsxLink=1">dashboard</a>

## Diagnosis

\`\`\`bash
kubectl get pods -n payments
\`\`\`
`;

function build(): { status: number | null; output: string; outDir: string } {
  const content = join(work, 'content');
  mkdirSync(join(content, 'runbooks/payments'), { recursive: true });
  writeFileSync(join(content, 'environments.yaml'), 'production:\n  label: Production\n');
  writeFileSync(join(content, 'runbooks/payments/hostile-markdown.md'), MARKDOWN);
  writeFileSync(join(content, 'runbooks/payments/hostile-mdx.mdx'), MDX);
  const outDir = join(work, 'dist');
  const { status, stdout, stderr } = spawnSync(process.execPath, [join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...process.env, ...buildEnv({ content, out: outDir, cache: join(work, 'cache') }, { RUNBOOKS_CONTENT_CHECKED: '1', RUNBOOKS_TEST_SECRET: SECRET }) },
  });
  return { status, output: stdout + stderr, outDir };
}

describe('astro build without the content check', () => {
  test('publishes no script, handler, frame or javascript: link of the content, and keeps the highlighting', () => {
    const { status, output, outDir } = build();
    assert.equal(status, 0, output);
    for (const slug of ['hostile-markdown', 'hostile-mdx']) {
      const page = readFileSync(join(outDir, 'runbooks/payments', slug, 'index.html'), 'utf8');
      assert.doesNotMatch(page, /hostile(Script|Handler|Link|Entity|Tab|Jsx|JsxLink)/, slug);
      assert.doesNotMatch(page, /\sonerror=|javascript:|&#106;avascript|data:image\/svg|<iframe|http-equiv="refresh"|evil\.example/i, slug);
      // What the reader should get is still there: the text, the image and the highlighted, copyable command.
      assert.match(page, /The payments API answers nothing\./, slug);
      assert.match(page, /<img src="https:\/\/grafana\.example\.com\/errors\.png" alt="(Error rate|Latency)"/, slug);
      assert.match(page, /<figure class="command-block" data-language="bash">/, slug);
      assert.match(page, /<span class="t-vr">kubectl<\/span>/, slug);
      assert.match(page, /aria-label="Copy command"/, slug);
    }
    assert.match(readFileSync(join(outDir, 'runbooks/payments/hostile-markdown/index.html'), 'utf8'), /<div>Page the payments team first\.<\/div>/);
    // The MDX page's code did not run: no file of the site holds the secret, the export wrote no file, and the
    // frontmatter field the check allows still renders.
    const leaks = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => {
      const path = join(outDir, file);
      return !statSync(path).isDirectory() && readFileSync(path).includes(SECRET);
    });
    assert.deepEqual(leaks, []);
    assert.equal(existsSync(WRITTEN), false, 'the MDX export wrote a file');
    const mdxPage = readFileSync(join(outDir, 'runbooks/payments/hostile-mdx/index.html'), 'utf8');
    assert.match(mdxPage, /This page is Hostile MDX\./);
    assert.match(mdxPage, /Token <span>hidden<\/span>\./);
  });
});
