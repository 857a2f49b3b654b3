import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type PdfObjects, partDestinations, readPdfObjects, readTrailer, wantedObjects } from '../../../src/lib/pdf/qpdf-json.ts';

// The shape of `qpdf --json --json-key=pages --json-key=qpdf file.pdf` from qpdf 11.3 (Debian 12), cut down.
const qpdfJson = (options: { pages?: string[]; maxobjectid?: number; objects: Record<string, unknown> }): string =>
  JSON.stringify({
    version: 2,
    parameters: { decodelevel: 'generalized' },
    pages: (options.pages ?? ['5 0 R', '6 0 R']).map((object, index) => ({
      contents: [],
      images: [],
      label: null,
      object,
      outlines: [],
      pageposfrom1: index + 1,
    })),
    qpdf: [
      { jsonversion: 2, pdfversion: '1.4', pushedinheritedpageresources: false, calledgetallpages: true, maxobjectid: options.maxobjectid ?? 7 },
      Object.fromEntries(Object.entries(options.objects).map(([key, value]) => [key, { value }])),
    ],
  });

const PAGE = { '/Type': '/Page', '/Parent': '4 0 R', '/MediaBox': [0, 0, 595.92, 842.88] };
const DESTS = {
  '/front': ['5 0 R', '/XYZ', 0, 842.88, 0],
  '/rb-db--cpu': ['6 0 R', '/XYZ', 0, 400, 0],
};

/** A two-page PDF as Chromium prints it: catalog 1, information 2, destinations 3, pages 5 and 6. */
const objects = (catalog: Record<string, unknown> = { '/Type': '/Catalog', '/Pages': '4 0 R', '/Dests': '3 0 R' }): Record<string, unknown> => ({
  'obj:1 0 R': catalog,
  'obj:2 0 R': { '/Producer': 'u:Skia/PDF m156', '/CreationDate': 'u:D:20261129224812Z' },
  'obj:3 0 R': DESTS,
  'obj:4 0 R': { '/Type': '/Pages', '/Kids': ['5 0 R', '6 0 R'], '/Count': 2 },
  'obj:5 0 R': PAGE,
  'obj:6 0 R': PAGE,
  trailer: { '/Root': '1 0 R', '/Info': '2 0 R', '/Size': 7, '/ID': ['b:00', 'b:00'] },
});

describe('reading a PDF from qpdf JSON', () => {
  test('gives its page objects in order and its highest object number', () => {
    const pdf = readPdfObjects(qpdfJson({ pages: ['9 0 R', '5 0 R', '6 0 R'], maxobjectid: 42, objects: objects() }));
    assert.deepEqual(pdf.pageObjects, ['9 0 R', '5 0 R', '6 0 R']);
    assert.equal(pdf.maxObjectId, 42);
  });

  test('gives its catalog, reference and value', () => {
    assert.deepEqual(readPdfObjects(qpdfJson({ objects: objects() })).catalog, {
      ref: '1 0 R',
      value: { '/Type': '/Catalog', '/Pages': '4 0 R', '/Dests': '3 0 R' },
    });
  });

  test('gives its trailer, and the objects to ask qpdf for when only those are needed', () => {
    const { trailer } = readPdfObjects(qpdfJson({ objects: objects() }));
    assert.deepEqual(trailer, { '/Root': '1 0 R', '/Info': '2 0 R', '/Size': 7, '/ID': ['b:00', 'b:00'] });
    assert.deepEqual(wantedObjects(trailer), ['1,0', '2,0']);
    // What `--json-object=trailer` prints: the trailer and no other object.
    assert.deepEqual(readTrailer(qpdfJson({ objects: { trailer: { '/Root': '1 0 R' } } })), { '/Root': '1 0 R' });
    assert.throws(() => readTrailer(qpdfJson({ objects: {} })), /qpdf printed no trailer/);
    assert.deepEqual(wantedObjects({ '/Root': '12 0 R' }), ['12,0']);
  });

  test('gives its document information when it has some', () => {
    assert.deepEqual(readPdfObjects(qpdfJson({ objects: objects() })).info, {
      ref: '2 0 R',
      value: { '/Producer': 'u:Skia/PDF m156', '/CreationDate': 'u:D:20261129224812Z' },
    });
  });

  test('gives no document information when the trailer has no /Info', () => {
    const all = objects();
    all['trailer'] = { '/Root': '1 0 R', '/Size': 7 };
    assert.equal(readPdfObjects(qpdfJson({ objects: all })).info, undefined);
  });

  test('gives no document information when /Info names a missing object', () => {
    const all = objects();
    delete all['obj:2 0 R'];
    assert.equal(readPdfObjects(qpdfJson({ objects: all })).info, undefined);
  });

  test('reads the named destinations from the object /Dests refers to', () => {
    assert.deepEqual(readPdfObjects(qpdfJson({ objects: objects() })).dests, DESTS);
  });

  test('reads the named destinations written inline in the catalog', () => {
    const all = objects({ '/Type': '/Catalog', '/Pages': '4 0 R', '/Dests': DESTS });
    delete all['obj:3 0 R'];
    assert.deepEqual(readPdfObjects(qpdfJson({ objects: all })).dests, DESTS);
  });

  test('has no named destinations when the catalog has no /Dests', () => {
    assert.deepEqual(readPdfObjects(qpdfJson({ objects: objects({ '/Type': '/Catalog', '/Pages': '4 0 R' }) })).dests, {});
  });

  test('has no named destinations when /Dests names a missing object', () => {
    const all = objects();
    delete all['obj:3 0 R'];
    assert.deepEqual(readPdfObjects(qpdfJson({ objects: all })).dests, {});
  });

  for (const [name, change] of [
    ['the catalog object is missing', (all: Record<string, unknown>) => delete all['obj:1 0 R']],
    ['the trailer has no /Root', (all: Record<string, unknown>) => (all['trailer'] = { '/Info': '2 0 R', '/Size': 7 })],
    ['there is no trailer', (all: Record<string, unknown>) => delete all['trailer']],
  ] as const) {
    test(`stops when ${name}`, () => {
      const all = objects();
      change(all);
      assert.throws(() => readPdfObjects(qpdfJson({ objects: all })), { message: 'the PDF has no catalog' });
    });
  }

  for (const [name, json] of [
    ['without "pages"', JSON.stringify({ version: 2, qpdf: [{ maxobjectid: 1 }, {}] })],
    ['without "qpdf"', JSON.stringify({ version: 2, pages: [] })],
    // qpdf 10 prints JSON version 1: "objects" instead of "qpdf".
    ['of qpdf 10', JSON.stringify({ version: 1, pages: [{ object: '3 0 R' }], objects: { '1 0 R': {}, trailer: {} } })],
  ]) {
    test(`stops on JSON ${name}, asking for qpdf 11`, () => {
      assert.throws(() => readPdfObjects(json!), /qpdf 11/);
    });
  }
});

describe("a part's named destinations", () => {
  const pdf = (dests: Record<string, unknown[]>): PdfObjects => ({
    pageObjects: ['5 0 R', '6 0 R', '7 0 R'],
    maxObjectId: 9,
    catalog: { ref: '1 0 R', value: {} },
    info: undefined,
    trailer: { '/Root': '1 0 R' },
    dests,
  });

  test('give each destination the index of its page in the part and the rest of its array as the view', () => {
    assert.deepEqual(
      partDestinations(pdf({ '/a': ['5 0 R', '/XYZ', 0, 842.88, 0], '/b': ['7 0 R', '/Fit'], '/c': ['6 0 R', '/XYZ', 0, 100, 0] }), new Set()),
      new Map([
        ['/a', { page: 0, view: ['/XYZ', 0, 842.88, 0] }],
        ['/b', { page: 2, view: ['/Fit'] }],
        ['/c', { page: 1, view: ['/XYZ', 0, 100, 0] }],
      ]),
    );
  });

  test('leave out the names that only stand in for another part', () => {
    const destinations = partDestinations(pdf({ '/mine': ['5 0 R', '/Fit'], '/rb-other': ['6 0 R', '/Fit'] }), new Set(['/rb-other']));
    assert.deepEqual([...destinations.keys()], ['/mine']);
  });

  const notHere: [string, unknown[]][] = [
    ['on an object that is not one of its pages', ['8 0 R', '/Fit']],
    ['by page number rather than page object', [0, '/Fit']],
    ['that are empty', []],
  ];
  for (const [name, destination] of notHere) {
    test(`leave out destinations ${name}`, () => {
      assert.deepEqual([...partDestinations(pdf({ '/kept': ['5 0 R', '/Fit'], '/odd': destination }), new Set()).keys()], ['/kept']);
    });
  }

  test('leave out a destination that is not an array', () => {
    const dests = { '/kept': ['5 0 R', '/Fit'], '/dict': { '/D': ['5 0 R', '/Fit'] } } as unknown as Record<string, unknown[]>;
    assert.deepEqual([...partDestinations(pdf(dests), new Set()).keys()], ['/kept']);
  });

  test('read from qpdf JSON, give the destinations of the pages', () => {
    assert.deepEqual(
      partDestinations(readPdfObjects(qpdfJson({ objects: objects() })), new Set()),
      new Map([
        ['/front', { page: 0, view: ['/XYZ', 0, 842.88, 0] }],
        ['/rb-db--cpu', { page: 1, view: ['/XYZ', 0, 400, 0] }],
      ]),
    );
  });
});

// No real check against qpdf: the repository holds no PDF fixture to feed it (tests/ has no *.pdf), and a PDF made
// on the fly would need Chromium. The inputs above follow the shape qpdf 11.3 prints.
