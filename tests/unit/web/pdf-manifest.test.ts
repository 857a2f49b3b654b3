import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { emptyPdfManifest, type PdfEntry, type PdfManifest, parsePdfManifest, pdfLinks } from '../../../src/lib/web/pdf-manifest.ts';

const entry = (file: string, environment: string | null, environmentLabel: string | null = environment, service: string | null = null): PdfEntry => ({
  file,
  service,
  environment,
  environmentLabel,
  pages: 42,
  bytes: 123_456,
  commit: '0a46533d002e',
  printed: '2026-05-01T12:00:00.000Z',
});

const manifest = (...pdfs: PdfEntry[]): PdfManifest => ({ version: 1, pdfs });

describe('parsePdfManifest', () => {
  test('reads back what the PDF tool writes', () => {
    const written = manifest(entry('runbooks.pdf', null), entry('runbooks-production.pdf', 'production', 'Production'));
    assert.deepEqual(parsePdfManifest(JSON.stringify(written, null, 2)), written);
  });

  test('the empty manifest the build writes', () => {
    assert.deepEqual(parsePdfManifest('{"version":1,"pdfs":[]}'), emptyPdfManifest());
  });

  test('an unknown commit is null', () => {
    const unknown = { ...entry('runbooks.pdf', null), commit: null };
    assert.deepEqual(parsePdfManifest(JSON.stringify(manifest(unknown))).pdfs, [unknown]);
  });

  test('extra fields are ignored, not kept', () => {
    const json = JSON.stringify({ version: 1, later: true, pdfs: [{ ...entry('runbooks.pdf', null), sha256: 'abc' }] });
    assert.deepEqual(parsePdfManifest(json), manifest(entry('runbooks.pdf', null)));
  });

  const good = entry('runbooks.pdf', null);
  const malformed: [string, string][] = [
    ['empty', ''],
    ['an HTML page a host answers every path with', '<!doctype html><html><body>Not found</body></html>'],
    ['truncated JSON', '{"version":1,"pdfs":['],
    ['null', 'null'],
    ['an array', '[]'],
    ['another version', JSON.stringify({ version: 2, pdfs: [good] })],
    ['no version', JSON.stringify({ pdfs: [good] })],
    ['pdfs not a list', JSON.stringify({ version: 1, pdfs: { 0: good } })],
    ['an entry that is not an object', JSON.stringify({ version: 1, pdfs: [good, 'runbooks-production.pdf'] })],
    ['a missing field', JSON.stringify({ version: 1, pdfs: [{ ...good, pages: undefined }] })],
    ['pages not a whole number', JSON.stringify({ version: 1, pdfs: [{ ...good, pages: 1.5 }] })],
    ['negative bytes', JSON.stringify({ version: 1, pdfs: [{ ...good, bytes: -1 }] })],
    ['bytes as a string', JSON.stringify({ version: 1, pdfs: [{ ...good, bytes: '1000' }] })],
    ['environment a number', JSON.stringify({ version: 1, pdfs: [{ ...good, environment: 1 }] })],
    ['printed not a date', JSON.stringify({ version: 1, pdfs: [{ ...good, printed: 'yesterday' }] })],
    ['a file that is not a PDF', JSON.stringify({ version: 1, pdfs: [{ ...good, file: 'index.html' }] })],
    ['a file at the root of another host', JSON.stringify({ version: 1, pdfs: [{ ...good, file: '/evil.example/x.pdf' }] })],
    ['a file climbing out', JSON.stringify({ version: 1, pdfs: [{ ...good, file: '../x.pdf' }] })],
    ['a file with a scheme', JSON.stringify({ version: 1, pdfs: [{ ...good, file: 'javascript:alert(1)//.pdf' }] })],
    ['a file with a fragment', JSON.stringify({ version: 1, pdfs: [{ ...good, file: 'x.pdf#page=2.pdf' }] })],
  ];
  for (const [name, json] of malformed) {
    test(`${name}: no PDFs, no exception`, () => assert.deepEqual(parsePdfManifest(json), emptyPdfManifest()));
  }

  test('a file in a folder under the site root is fine', () => {
    const nested = entry('pdfs/runbooks-co-platform.pdf', null, null, 'co-platform');
    assert.deepEqual(parsePdfManifest(JSON.stringify(manifest(nested))).pdfs, [nested]);
  });

  test('each call gives its own empty manifest', () => {
    parsePdfManifest('').pdfs.push(good);
    assert.deepEqual(parsePdfManifest(''), { version: 1, pdfs: [] });
  });
});

describe('pdfLinks', () => {
  const all = manifest(
    entry('runbooks-production.pdf', 'production', 'Production'),
    entry('runbooks.pdf', null),
    entry('runbooks-staging.pdf', 'staging', 'Staging'),
  );

  test('the whole book first, saying its placeholders are not filled in, then each environment in the manifest order', () => {
    assert.deepEqual(pdfLinks(all, { base: '/' }), [
      { href: '/runbooks.pdf', text: 'Download PDF', note: 'placeholders not filled in', label: 'Download PDF, placeholders not filled in' },
      { href: '/runbooks-production.pdf', text: 'PDF filled in for Production', note: undefined, label: 'Download PDF filled in for Production' },
      { href: '/runbooks-staging.pdf', text: 'PDF filled in for Staging', note: undefined, label: 'Download PDF filled in for Staging' },
    ]);
  });

  test('under a base path, opening a runbook at its named destination', () => {
    assert.deepEqual(
      pdfLinks(all, { base: '/runbooks/', destination: 'rb-architect-api--api-down' }).map((link) => link.href),
      [
        '/runbooks/runbooks.pdf#nameddest=rb-architect-api--api-down',
        '/runbooks/runbooks-production.pdf#nameddest=rb-architect-api--api-down',
        '/runbooks/runbooks-staging.pdf#nameddest=rb-architect-api--api-down',
      ],
    );
  });

  test('only the books that exist: one environment, no default book', () => {
    assert.deepEqual(
      pdfLinks(manifest(entry('runbooks-staging.pdf', 'staging', 'Staging')), { base: '/' }).map((link) => link.text),
      ['PDF filled in for Staging'],
    );
  });

  test('an environment without a label is named by its id', () => {
    assert.equal(pdfLinks(manifest(entry('runbooks-dr.pdf', 'dr', null)), { base: '/' })[0]?.text, 'PDF filled in for dr');
  });

  test('no PDFs, no links; per-service books are not linked yet', () => {
    assert.deepEqual(pdfLinks(emptyPdfManifest(), { base: '/' }), []);
    assert.deepEqual(pdfLinks(manifest(entry('pdfs/runbooks-payments.pdf', null, null, 'payments')), { base: '/' }), []);
  });

  test('the accessible name holds the visible words', () => {
    for (const link of pdfLinks(all, { base: '/' })) {
      assert.ok(link.label.includes(link.text), link.label);
      if (link.note !== undefined) assert.ok(link.label.includes(link.note), link.label);
    }
  });
});
