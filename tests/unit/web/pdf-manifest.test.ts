import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { emptyPdfManifest, type PdfEntry, type PdfManifest, parsePdfManifest, pdfLinks } from '../../../src/lib/web/pdf-manifest.ts';

const entry = (
  file: string,
  environment: string | null,
  environmentLabel: string | null = environment,
  service: string | null = null,
  serviceLabel: string | null = service,
): PdfEntry => ({
  file,
  service,
  serviceLabel,
  environment,
  environmentLabel,
  pages: 42,
  bytes: 123_456,
  commit: '0a46533d002e',
  printed: '2026-05-01T12:00:00.000Z',
});

const manifest = (...pdfs: PdfEntry[]): PdfManifest => ({ version: 1, pdfs });

/** A team's book, where `npm run pdf -- --service <id>` writes it. */
const serviceBook = (service: string, serviceLabel: string | null, environment: string | null = null, environmentLabel: string | null = environment) =>
  entry(`services/${service}/runbooks${environment === null ? '' : `-${environment}`}.pdf`, environment, environmentLabel, service, serviceLabel);

// The whole books and two teams', in the order `npm run pdf` writes them (lib/book/printed-books.ts).
const everything = manifest(
  entry('runbooks.pdf', null),
  entry('runbooks-production.pdf', 'production', 'Production'),
  serviceBook('architect-api', 'Architect Dashboard API'),
  serviceBook('payments', 'Payments'),
  serviceBook('payments', 'Payments', 'production', 'Production'),
  serviceBook('payments', 'Payments', 'staging', 'Staging'),
);

describe('parsePdfManifest', () => {
  test('reads back what the PDF tool writes', () => {
    const written = manifest(entry('runbooks.pdf', null), entry('runbooks-production.pdf', 'production', 'Production'));
    assert.deepEqual(parsePdfManifest(JSON.stringify(written, null, 2)), written);
  });

  test('the empty manifest the build writes', () => {
    assert.deepEqual(parsePdfManifest('{"version":1,"pdfs":[]}'), emptyPdfManifest());
  });

  test('reads back a team book and its label', () => {
    const written = manifest(entry('runbooks.pdf', null), serviceBook('payments', 'Payments'), serviceBook('payments', 'Payments', 'production', 'Production'));
    const read = parsePdfManifest(JSON.stringify(written));
    assert.deepEqual(read, written);
    assert.deepEqual(
      read.pdfs.map((pdf) => [pdf.file, pdf.service, pdf.serviceLabel]),
      [
        ['runbooks.pdf', null, null],
        ['services/payments/runbooks.pdf', 'payments', 'Payments'],
        ['services/payments/runbooks-production.pdf', 'payments', 'Payments'],
      ],
    );
  });

  test('a team book whose label is unknown is null', () => {
    const unlabelled = serviceBook('payments', null);
    assert.deepEqual(parsePdfManifest(JSON.stringify(manifest(unlabelled))).pdfs, [unlabelled]);
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
    // What `npm run pdf` wrote before team books: read again by the pages, it lists nothing until printed again.
    ['no serviceLabel', JSON.stringify({ version: 1, pdfs: [{ ...good, serviceLabel: undefined }] })],
    ['serviceLabel a number', JSON.stringify({ version: 1, pdfs: [{ ...serviceBook('payments', 'Payments'), serviceLabel: 7 }] })],
    ['serviceLabel an object', JSON.stringify({ version: 1, pdfs: [{ ...serviceBook('payments', 'Payments'), serviceLabel: { en: 'Payments' } }] })],
    [
      'one good entry and one without serviceLabel',
      JSON.stringify({ version: 1, pdfs: [good, { ...serviceBook('payments', 'Payments'), serviceLabel: undefined }] }),
    ],
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
    const team = serviceBook('co-platform', 'CO Platform', 'production', 'Production');
    assert.equal(team.file, 'services/co-platform/runbooks-production.pdf');
    assert.deepEqual(parsePdfManifest(JSON.stringify(manifest(team))).pdfs, [team]);
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

  test('no PDFs, no links; without a service, no team book', () => {
    assert.deepEqual(pdfLinks(emptyPdfManifest(), { base: '/' }), []);
    assert.deepEqual(pdfLinks(manifest(entry('pdfs/runbooks-payments.pdf', null, null, 'payments')), { base: '/' }), []);
    assert.deepEqual(pdfLinks(manifest(serviceBook('payments', 'Payments')), { base: '/', books: 'both' }), []);
    assert.deepEqual(pdfLinks(manifest(serviceBook('payments', 'Payments')), { base: '/', books: 'service' }), []);
  });

  test('the accessible name holds the visible words, and starts with Download', () => {
    for (const link of pdfLinks(everything, { base: '/', service: 'payments' })) {
      assert.ok(link.label.startsWith('Download '), link.label);
      assert.ok(link.label.includes(link.text), link.label);
      if (link.note !== undefined) assert.ok(link.label.includes(link.note), link.label);
    }
  });
});

const hrefs = (options: Parameters<typeof pdfLinks>[1]) => pdfLinks(everything, options).map((link) => link.href);

describe('pdfLinks by service', () => {
  test("the home page's top: the whole books only, as before team books", () => {
    assert.deepEqual(hrefs({ base: '/' }), ['/runbooks.pdf', '/runbooks-production.pdf']);
    assert.deepEqual(hrefs({ base: '/', books: 'whole' }), ['/runbooks.pdf', '/runbooks-production.pdf']);
    assert.deepEqual(hrefs({ base: '/', service: 'payments', books: 'whole' }), ['/runbooks.pdf', '/runbooks-production.pdf']);
  });

  test("a service's section: that team's books only, the one with placeholders first, saying whose they are", () => {
    assert.deepEqual(pdfLinks(everything, { base: '/', service: 'payments', books: 'service' }), [
      {
        href: '/services/payments/runbooks.pdf',
        text: 'Payments PDF',
        note: 'placeholders not filled in',
        label: 'Download Payments PDF, placeholders not filled in',
      },
      {
        href: '/services/payments/runbooks-production.pdf',
        text: 'Payments PDF filled in for Production',
        note: undefined,
        label: 'Download Payments PDF filled in for Production',
      },
      {
        href: '/services/payments/runbooks-staging.pdf',
        text: 'Payments PDF filled in for Staging',
        note: undefined,
        label: 'Download Payments PDF filled in for Staging',
      },
    ]);
    assert.deepEqual(hrefs({ base: '/', service: 'architect-api', books: 'service' }), ['/services/architect-api/runbooks.pdf']);
    assert.deepEqual(hrefs({ base: '/', service: 'audit-app', books: 'service' }), []);
  });

  test("a runbook page: the whole books, then its own team's, all opening at the runbook; never another team's", () => {
    const destination = 'rb-payments--card-declines';
    const fragment = `#nameddest=${destination}`;
    assert.deepEqual(hrefs({ base: '/', destination, service: 'payments', books: 'both' }), [
      `/runbooks.pdf${fragment}`,
      `/runbooks-production.pdf${fragment}`,
      `/services/payments/runbooks.pdf${fragment}`,
      `/services/payments/runbooks-production.pdf${fragment}`,
      `/services/payments/runbooks-staging.pdf${fragment}`,
    ]);
    // `both` is the default with a service.
    assert.deepEqual(hrefs({ base: '/', destination, service: 'payments' }), hrefs({ base: '/', destination, service: 'payments', books: 'both' }));
    assert.deepEqual(
      pdfLinks(everything, { base: '/runbooks/', destination: 'rb-architect-api--api-down', service: 'architect-api' }).map((link) => [link.href, link.text]),
      [
        ['/runbooks/runbooks.pdf#nameddest=rb-architect-api--api-down', 'Download PDF'],
        ['/runbooks/runbooks-production.pdf#nameddest=rb-architect-api--api-down', 'PDF filled in for Production'],
        ['/runbooks/services/architect-api/runbooks.pdf#nameddest=rb-architect-api--api-down', 'Architect Dashboard API PDF'],
      ],
    );
  });

  test('a team book listed before the whole books still comes after them', () => {
    const reversed = manifest(...everything.pdfs.toReversed());
    assert.deepEqual(
      pdfLinks(reversed, { base: '/', service: 'payments' }).map((link) => link.href),
      [
        '/runbooks.pdf',
        '/runbooks-production.pdf',
        '/services/payments/runbooks.pdf',
        '/services/payments/runbooks-staging.pdf',
        '/services/payments/runbooks-production.pdf',
      ],
    );
  });

  test('a team book without a label is named by its service id', () => {
    const links = pdfLinks(manifest(serviceBook('payments', null), serviceBook('payments', null, 'dr', null)), { base: '/', service: 'payments' });
    assert.deepEqual(
      links.map((link) => link.label),
      ['Download payments PDF, placeholders not filled in', 'Download payments PDF filled in for dr'],
    );
  });

  test('the whole-book wording is unchanged with team books around', () => {
    assert.deepEqual(
      pdfLinks(everything, { base: '/', service: 'payments' })
        .slice(0, 2)
        .map((link) => link.label),
      ['Download PDF, placeholders not filled in', 'Download PDF filled in for Production'],
    );
  });
});
