import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { PROJECT, runCli } from '../helpers/run-cli.ts';

/**
 * `npm run check` on file names git cannot hold portably (a tab, a newline, a right-to-left override, `?`), made in
 * a temporary content root at run time, beside pages the check must accept (a byte-order mark) or must not see at
 * all, because the build's glob does not (hidden files).
 */
const root = mkdtempSync(join(tmpdir(), 'check-file-names-'));
after(() => rmSync(root, { recursive: true, force: true }));

const runbook = (title: string, alert: string) =>
  `---\ntitle: ${title}\nsummary: Use when it breaks.\nservice: payments\nseverity: critical\nalerts: [${alert}]\nsla:\n  response: 15m\n---\n\nIt breaks.\n\n## Diagnosis\n\n\`\`\`bash\nkubectl get pods -n {{namespace}}\n\`\`\`\n\n## Resolution\n\nRestart it.\n`;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

copyFileSync(join(PROJECT, 'tests/fixtures/bad/missing-title/environments.yaml'), join(root, 'environments.yaml'));
write('runbooks/payments/api\tdown.md', runbook('Tab', 'A1'));
write('runbooks/payments/line\nbreak.md', runbook('Newline', 'A2'));
write('runbooks/payments/rtl\u202Eevil.md', runbook('Right-to-left override', 'A3'));
write('runbooks/payments/db?lag.md', runbook('Question mark', 'A4'));
// A byte-order mark, as some Windows editors write it: fine, in Markdown and MDX.
write('runbooks/payments/bom.md', `\uFEFF${runbook('BOM', 'A5')}`);
write('runbooks/payments/bom-mdx.mdx', `\uFEFF${runbook('BOM in MDX', 'A6')}`);
// Hidden files and folders are not pages (the build's glob skips them): garbage there is no error.
write('runbooks/.drafts/wip.md', 'not even frontmatter');
symlinkSync('/nonexistent/lock', join(root, 'runbooks/payments/.#bom.md'));
// An upper-case extension, which the build's glob does not take for a page.
write('runbooks/payments/Ledger-Lag.MD', runbook('Upper-case extension', 'A7'));
// A link to nothing would be left out of the build without a word.
symlinkSync('/nonexistent/page.md', join(root, 'runbooks/payments/gone.md'));

describe('npm run check on hostile file names', () => {
  test('each is an error naming the file on one line and the characters not allowed; the BOM pages are clean', async () => {
    const { status, stdout } = await runCli('check', ['--root', root], { env: { RUNBOOKS_CONTENT_DIR: undefined } });
    const shown = relative(PROJECT, join(root, 'runbooks/payments'));
    const rule = `a page's file and folder names make its URL, where # ? % \\, white space and control characters are not allowed`;
    assert.deepEqual(stdout.split('\n').filter(Boolean), [
      `${shown}/Ledger-Lag.MD: error: not a page: the build reads only files ending in .md or .mdx, in lower case; rename it to Ledger-Lag.md`,
      `${shown}/api\\u0009down.md: error: the name holds U+0009: ${rule}; rename it, e.g. to payments/api-down.md`,
      `${shown}/db?lag.md: error: the name holds "?": ${rule}; rename it, e.g. to payments/db-lag.md`,
      `${shown}/gone.md: error: cannot read the file: ENOENT: no such file or directory, stat '${join(root, 'runbooks/payments/gone.md')}'`,
      `${shown}/line\\u000abreak.md: error: the name holds U+000A: ${rule}; rename it, e.g. to payments/line-break.md`,
      `${shown}/rtl\\u202eevil.md: error: the name holds U+202E: ${rule}; rename it, e.g. to payments/rtl-evil.md`,
    ]);
    assert.equal(status, 1);
  });
});
