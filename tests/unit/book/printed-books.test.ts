import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mergePdfManifest } from '../../../src/lib/book/printed-books.ts';
import type { PdfEntry, PdfManifest } from '../../../src/lib/web/pdf-manifest.ts';

const entry = (file: string, environment: string | null, printed = '2026-05-01T12:00:00.000Z', service: string | null = null): PdfEntry => ({
  file,
  service,
  serviceLabel: service === null ? null : service.toUpperCase(),
  environment,
  environmentLabel: environment === null ? null : environment.toUpperCase(),
  pages: 42,
  bytes: 1000,
  commit: 'abc',
  printed,
});
const manifest = (...pdfs: PdfEntry[]): PdfManifest => ({ version: 1, pdfs });
const files = (result: PdfManifest) => result.pdfs.map((pdf) => pdf.file);
const environmentIds = ['production', 'staging'];
const everything = { exists: () => true, environmentIds };

describe('mergePdfManifest', () => {
  test('npm run pdf, then --env production: both listed, the whole book first', () => {
    const first = mergePdfManifest(manifest(), [entry('runbooks.pdf', null)], everything);
    assert.deepEqual(files(first), ['runbooks.pdf']);
    assert.deepEqual(files(mergePdfManifest(first, [entry('runbooks-production.pdf', 'production')], everything)), ['runbooks.pdf', 'runbooks-production.pdf']);
  });

  test('a book printed again replaces its entry', () => {
    const before = manifest(entry('runbooks.pdf', null, '2026-05-01T12:00:00.000Z'), entry('runbooks-staging.pdf', 'staging'));
    const again = { ...entry('runbooks.pdf', null, '2026-05-02T08:00:00.000Z'), pages: 43, bytes: 2000 };
    assert.deepEqual(mergePdfManifest(before, [again], everything).pdfs, [again, entry('runbooks-staging.pdf', 'staging')]);
  });

  test('an entry whose file is gone is dropped', () => {
    const before = manifest(entry('runbooks.pdf', null), entry('runbooks-staging.pdf', 'staging'));
    const result = mergePdfManifest(before, [entry('runbooks-production.pdf', 'production')], {
      exists: (file) => file !== 'runbooks.pdf',
      environmentIds,
    });
    assert.deepEqual(files(result), ['runbooks-production.pdf', 'runbooks-staging.pdf']);
  });

  test('environments in the build order whatever order they were printed in; unknown ones last; per-service books after the whole books', () => {
    const result = mergePdfManifest(
      manifest(entry('runbooks-staging.pdf', 'staging'), entry('runbooks-old.pdf', 'old'), entry('pdfs/payments.pdf', null, undefined, 'payments')),
      [entry('runbooks-production.pdf', 'production'), entry('runbooks.pdf', null)],
      everything,
    );
    assert.deepEqual(files(result), ['runbooks.pdf', 'runbooks-production.pdf', 'runbooks-staging.pdf', 'runbooks-old.pdf', 'pdfs/payments.pdf']);
  });

  test('the previous manifest is not changed', () => {
    const before = manifest(entry('runbooks-staging.pdf', 'staging'));
    mergePdfManifest(before, [entry('runbooks.pdf', null)], everything);
    assert.deepEqual(files(before), ['runbooks-staging.pdf']);
  });
});
