import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { runCli } from '../helpers/run-cli.ts';

/**
 * `npm run check -- --dist DIR` over everything a build and `npm run pdf` publish, on a folder made here with a
 * secret planted in each kind of file: a script, a Pagefind fragment, a member of the offline zip, a PDF.
 */
const work = mkdtempSync(join(tmpdir(), 'published-secrets-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** A PDF with one page per entry, each page's lines in Helvetica: small, and real enough for poppler. */
function pdf(pages: readonly (readonly string[])[]): Uint8Array {
  // Objects 1, 2 and 3: the catalog, the page tree (filled in below) and the font; then each page's text and page.
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: string[] = [];
  for (const lines of pages) {
    const text = lines.map((line, index) => `${index === 0 ? '' : '0 -16 Td '}(${line.replace(/[\\()]/g, '\\$&')}) Tj`).join(' ');
    const stream = `BT /F1 12 Tf 72 720 Td ${text} ET`;
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length} 0 R >>`);
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Writes `files` (path → content) under a new folder `<work>/<name>/dist`. */
function site(name: string, files: Record<string, string | Uint8Array>): string {
  const root = join(work, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'dist', path)), { recursive: true });
    writeFileSync(join(root, 'dist', path), content);
  }
  return root;
}

const page = (body: string) => `<!doctype html>\n<html>\n<body>\n${body}\n</body>\n</html>\n`;
const fragment = (content: string) => gzipSync(`pagefind_dcd${JSON.stringify({ url: '/runbooks/db/latency/', content })}`);
const clean = {
  'index.html': page('<p>Runbooks</p>'),
  'offline-index.js': 'window.runbooksOfflineIndex = {"pages":[{"title":"Database latency","url":"/runbooks/db/latency/"}]};\n',
  'pagefind/fragment/en_1a2b3c4.pf_fragment': fragment('Database latency. Connect with PGPASSWORD="$DB_PASSWORD" psql.'),
  'pagefind/index/en_5d6e7f8.pf_index': gzipSync(Buffer.from([0x70, 0x61, 0x67, 0x65, 0, 1, 2, 255])),
  'runbooks-offline.zip': zipSync({ 'runbooks/index.html': strToU8(page('<p>Runbooks</p>')) }),
  'runbooks.pdf': pdf([['Runbooks'], ['Database latency', 'mysql -u root -p{{db_password}}']]),
};

const lines = (text: string) => text.split('\n').filter(Boolean);
const message = (rule: string) => `published secret (${rule}): remove it from the content, rebuild, and rotate it`;

describe('npm run check -- --dist: every published file', { concurrency: 4 }, () => {
  test('a clean folder gives no finding', async () => {
    const { status, stdout, stderr } = await runCli('check', ['--dist', 'dist'], { cwd: site('clean', clean) });
    assert.deepEqual(lines(stdout), []);
    assert.equal(status, 0, stderr);
  });

  test('a secret in a script, a Pagefind fragment, a zip member and a PDF page is found, each named', async () => {
    const root = site('planted', {
      ...clean,
      'offline-index.js': 'window.runbooksOfflineIndex = {\n"pages":[{"text":"export PGPASSWORD=hunter2"}]};\n',
      'pagefind/fragment/en_1a2b3c4.pf_fragment': fragment('Use the key AKIAIOSFODNN7EXAMPLE to log in.'),
      'runbooks-offline.zip': zipSync({
        'runbooks/index.html': strToU8(page('<p>Runbooks</p>')),
        'runbooks/runbooks/db/latency/index.html': strToU8(page('<pre><code><span>mysql -u root -p</span><span>S3cretPass</span></code></pre>')),
      }),
      'runbooks.pdf': pdf([['Runbooks'], ['Database latency', 'curl -u admin:S3cretPass https://grafana.internal/api/health']]),
    });
    const { status, stdout } = await runCli('check', ['--dist', 'dist'], { cwd: root });
    assert.deepEqual(lines(stdout), [
      `dist/offline-index.js:2:37: error: ${message('credential assigned a literal value')}`,
      `dist/pagefind/fragment/en_1a2b3c4.pf_fragment:1:55: error: ${message('AWS access key ID')}`,
      `dist/runbooks-offline.zip:runbooks/runbooks/db/latency/index.html:4: error: ${message('MySQL password written after -p')}`,
      `dist/runbooks.pdf: error: page 2: ${message('password in curl -u user:password')}`,
    ]);
    assert.equal(status, 1);
  });

  test('a PDF that cannot be read, or no pdftotext, is an error saying so, never a pass', async () => {
    const root = site('unreadable', { ...clean, 'broken.pdf': '%PDF-1.4\nnot really\n' });
    const broken = await runCli('check', ['--dist', 'dist'], { cwd: root });
    assert.match(broken.stdout, /^dist\/broken\.pdf: error: cannot be checked for secrets: pdftotext cannot read it/m);
    assert.equal(broken.status, 1);

    // The Node running the tests, and nothing else, on PATH.
    const missing = await runCli('check', ['--dist', 'dist'], { cwd: site('no-poppler', clean), env: { PATH: dirname(process.execPath) } });
    assert.deepEqual(lines(missing.stdout), [
      "dist/runbooks.pdf: error: cannot be checked for secrets: poppler's pdftotext, which reads a PDF's text, is not installed: install poppler-utils (apt-get install poppler-utils) and run the check again",
    ]);
    assert.equal(missing.status, 1);
  });
});
