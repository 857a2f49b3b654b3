import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type AssemblyInput,
  assemblyUpdate,
  bookDestinations,
  bookOutline,
  type OutlineItem,
  type PartDestination,
  type PrintedPart,
  pdfDate,
  sourceDate,
} from '../../../src/lib/pdf/assembly.ts';

const TOP = ['/XYZ', 0, 842.88, 0];

const part = (pages: number, destinations: Record<string, number>, headings: [level: number, title: string, destination: string][] = []): PrintedPart => ({
  pages,
  destinations: new Map(Object.entries(destinations).map(([name, page]) => [name, { page, view: TOP }])),
  headings: headings.map(([level, title, destination]) => ({ level, title, destination })),
});

/** An outline as titles only: `['Title', [children…]]`, the shape a reader sees in the bookmarks panel. */
type Titles = [string, Titles][];
const titles = (items: readonly OutlineItem[]): Titles => items.map((item) => [item.title, titles(item.children)]);

describe("the book's named destinations", () => {
  test('move the destinations of each part by the pages of the parts before it', () => {
    const parts = [part(2, { '/front': 0, '/contents': 1 }), part(3, { '/rb-db--cpu': 0, '/rb-db--cpu/steps': 2 }), part(1, { '/rb-db--disk': 0 })];
    assert.deepEqual(
      bookDestinations(parts),
      new Map<string, PartDestination>([
        ['/front', { page: 0, view: TOP }],
        ['/contents', { page: 1, view: TOP }],
        ['/rb-db--cpu', { page: 2, view: TOP }],
        ['/rb-db--cpu/steps', { page: 4, view: TOP }],
        ['/rb-db--disk', { page: 5, view: TOP }],
      ]),
    );
  });

  test('keep the view each part wrote', () => {
    const view = ['/XYZ', 0, 400.5, 0];
    const parts: PrintedPart[] = [part(4, {}), { pages: 2, destinations: new Map([['/x', { page: 1, view }]]), headings: [] }];
    assert.deepEqual(bookDestinations(parts).get('/x'), { page: 5, view });
  });

  test('take a name defined by two parts from the first of them', () => {
    const parts = [part(2, { '/rb-db--cpu': 1 }), part(5, { '/rb-db--cpu': 3, '/rb-db--disk': 0 })];
    const destinations = bookDestinations(parts);
    assert.deepEqual(destinations.get('/rb-db--cpu'), { page: 1, view: TOP });
    assert.deepEqual(destinations.get('/rb-db--disk'), { page: 2, view: TOP });
  });

  test('count the pages of a part without destinations', () => {
    assert.deepEqual(bookDestinations([part(3, {}), part(1, { '/a': 0 })]).get('/a'), { page: 3, view: TOP });
  });

  test('are none for a book without parts', () => {
    assert.deepEqual(bookDestinations([]), new Map());
  });
});

describe("the book's bookmarks", () => {
  const cases: { name: string; levels: number[]; expected: Titles }[] = [
    {
      name: 'an h2 goes under the h1 before it',
      levels: [1, 2, 2],
      expected: [
        [
          'H1',
          [
            ['H2', []],
            ['H3', []],
          ],
        ],
      ],
    },
    { name: 'an h3 goes under the h2 before it', levels: [1, 2, 3], expected: [['H1', [['H2', [['H3', []]]]]]] },
    {
      name: 'a later h1 goes back to the top level',
      levels: [1, 2, 3, 1],
      expected: [
        ['H1', [['H2', [['H3', []]]]]],
        ['H4', []],
      ],
    },
    {
      name: 'an h2 after an h3 goes back under the h1',
      levels: [1, 2, 3, 2],
      expected: [
        [
          'H1',
          [
            ['H2', [['H3', []]]],
            ['H4', []],
          ],
        ],
      ],
    },
    {
      name: 'an h3 right under an h1 goes under it',
      levels: [1, 3, 2],
      expected: [
        [
          'H1',
          [
            ['H2', []],
            ['H3', []],
          ],
        ],
      ],
    },
    {
      name: 'headings before any h1 stay at the top level',
      levels: [2, 1, 2],
      expected: [
        ['H1', []],
        ['H2', [['H3', []]]],
      ],
    },
    {
      name: 'headings of one level are siblings',
      levels: [1, 1, 1],
      expected: [
        ['H1', []],
        ['H2', []],
        ['H3', []],
      ],
    },
  ];
  for (const { name, levels, expected } of cases) {
    test(`${name} (levels ${levels.join(', ')})`, () => {
      const headings = levels.map((level, index): [number, string, string] => [level, `H${index + 1}`, `/h${index + 1}`]);
      const destinations = Object.fromEntries(levels.map((_, index) => [`/h${index + 1}`, 0]));
      const parts = [part(1, destinations, headings)];
      assert.deepEqual(titles(bookOutline(parts, bookDestinations(parts))), expected);
    });
  }

  test('nest across parts as in a single document', () => {
    const parts = [
      part(2, { '/a': 0 }, [[1, 'Database', '/a']]),
      part(2, { '/b': 0, '/c': 1 }, [
        [2, 'CPU', '/b'],
        [3, 'Steps', '/c'],
      ]),
    ];
    assert.deepEqual(titles(bookOutline(parts, bookDestinations(parts))), [['Database', [['CPU', [['Steps', []]]]]]]);
  });

  test('leave out a heading whose destination is missing', () => {
    const parts = [
      part(3, { '/a': 0, '/c': 2 }, [
        [1, 'Kept', '/a'],
        [2, 'Not laid out', '/b'],
        [2, 'Also kept', '/c'],
      ]),
    ];
    assert.deepEqual(titles(bookOutline(parts, bookDestinations(parts))), [['Kept', [['Also kept', []]]]]);
  });

  test("open each heading's page in the whole book, with its view", () => {
    const view = ['/XYZ', 0, 500, 0];
    const parts: PrintedPart[] = [
      part(4, { '/front': 0 }, [[1, 'Runbooks', '/front']]),
      { pages: 3, destinations: new Map([['/rb-db--cpu', { page: 2, view }]]), headings: [{ level: 2, title: 'CPU', destination: '/rb-db--cpu' }] },
    ];
    assert.deepEqual(bookOutline(parts, bookDestinations(parts)), [
      { title: 'Runbooks', page: 0, view: TOP, children: [{ title: 'CPU', page: 6, view, children: [] }] },
    ]);
  });

  test('are none for parts without headings', () => {
    const parts = [part(2, { '/a': 0 })];
    assert.deepEqual(bookOutline(parts, bookDestinations(parts)), []);
  });
});

type Objects = Record<string, { value: unknown }>;
type Dictionary = Record<string, unknown>;

const objectsOf = (input: AssemblyInput): Objects => assemblyUpdate(input).qpdf[1];
const dictionary = (objects: Objects, ref: unknown): Dictionary => {
  assert.equal(typeof ref, 'string', `expected a reference, got ${JSON.stringify(ref)}`);
  const object = objects[`obj:${ref as string}`];
  assert.ok(object !== undefined, `no object ${ref as string} in the update`);
  return object.value as Dictionary;
};
const objectNumber = (key: string) => Number(/^obj:(\d+) 0 R$/.exec(key)![1]);

const item = (title: string, page: number, children: OutlineItem[] = []): OutlineItem => ({ title, page, view: TOP, children });

const OUTLINE: OutlineItem[] = [
  item('Runbooks', 0),
  item('Database', 1, [item('CPU high', 1, [item('Symptoms', 2), item('Steps', 2)]), item('Disk full', 3)]),
  item('Alert index', 4, [item('Ünïcode “quotes” & <tags>', 4)]),
];

const input = (overrides: Partial<AssemblyInput> = {}): AssemblyInput => ({
  pageObjects: ['3 0 R', '4 0 R', '5 0 R', '6 0 R', '7 0 R'],
  catalog: { ref: '1 0 R', value: { '/Type': '/Catalog', '/Pages': '2 0 R', '/Lang': 'u:en', '/Dests': '8 0 R', '/Outlines': '9 0 R' } },
  info: {
    ref: '10 0 R',
    value: { '/Title': 'u:Runbooks book', '/Producer': 'u:Skia/PDF m156', '/CreationDate': 'u:D:20261129224812Z', '/ModDate': 'u:D:20261129224812Z' },
  },
  trailer: { '/Root': '1 0 R', '/Info': '10 0 R', '/Size': 21, '/ID': ['b:0123', 'b:4567'] },
  maxObjectId: 20,
  destinations: new Map<string, PartDestination>([
    ['/rb-db--disk', { page: 3, view: TOP }],
    ['/front', { page: 0, view: ['/Fit'] }],
    ['/rb-db--cpu/steps', { page: 2, view: ['/XYZ', 0, 300, 0] }],
    ['/rb-db--cpu', { page: 1, view: TOP }],
  ]),
  outline: OUTLINE,
  date: undefined,
  ...overrides,
});

/**
 * Checks the outline objects as a PDF reader follows them (/First, /Next, /Last, /Prev, /Parent, /Count) and reads
 * back the tree they make, titles without the `u:` of a text string.
 */
function readOutline(objects: Objects, rootRef: string): Titles {
  const root = dictionary(objects, rootRef);
  assert.equal(root['/Type'], '/Outlines');
  const children = (parentRef: string, parent: Dictionary): { tree: Titles; count: number } => {
    const tree: Titles = [];
    let previous: string | undefined;
    let ref = parent['/First'] as string | undefined;
    while (ref !== undefined) {
      assert.ok(tree.length < 1000, 'the /Next chain loops');
      const node = dictionary(objects, ref);
      assert.equal(node['/Parent'], parentRef, `/Parent of ${ref}`);
      assert.equal(node['/Prev'], previous, `/Prev of ${ref}`);
      assert.equal(typeof node['/Title'], 'string');
      assert.match(node['/Title'] as string, /^u:/);
      const sub = node['/First'] === undefined ? { tree: [], count: 0 } : children(ref, node);
      if (sub.count === 0) {
        assert.equal(node['/First'], undefined);
        assert.equal(node['/Last'], undefined);
        assert.equal(node['/Count'], undefined, `a leaf ${ref} has no /Count`);
      } else {
        // Closed: minus the number of its children.
        assert.equal(node['/Count'], -sub.count, `/Count of ${ref}`);
      }
      tree.push([(node['/Title'] as string).slice(2), sub.tree]);
      previous = ref;
      ref = node['/Next'] as string | undefined;
    }
    assert.equal(parent['/Last'], previous, `/Last of ${parentRef}`);
    return { tree, count: tree.length };
  };
  const { tree, count } = children(rootRef, root);
  assert.equal(root['/Count'], count, 'the root counts the top-level items');
  return tree;
}

describe('the qpdf update that assembles the book', () => {
  test('has a qpdf JSON version 2 header whose maxobjectid is the highest new object', () => {
    const [header, objects] = assemblyUpdate(input()).qpdf;
    const highest = Math.max(
      ...Object.keys(objects)
        .filter((key) => key !== 'trailer')
        .map(objectNumber),
    );
    assert.deepEqual(header, { jsonversion: 2, pushedinheritedpageresources: false, calledgetallpages: false, maxobjectid: highest });
  });

  test('numbers its new objects one after the other from after maxObjectId', () => {
    const objects = objectsOf(input());
    const added = Object.keys(objects)
      .filter((key) => key !== 'obj:1 0 R' && key !== 'obj:10 0 R' && key !== 'trailer')
      .map(objectNumber)
      .sort((a, b) => a - b);
    // The destinations, the outline root and one item per bookmark (8 of them).
    assert.deepEqual(
      added,
      Array.from({ length: 10 }, (_, index) => 21 + index),
    );
    assert.equal(assemblyUpdate(input()).qpdf[0].maxobjectid, 30);
  });

  test('holds nothing but objects and the trailer', () => {
    for (const key of Object.keys(objectsOf(input()))) assert.match(key, /^obj:\d+ 0 R$|^trailer$/);
  });

  test("drops the trailer's file identifier, which Chromium made up, and keeps the rest", () => {
    // qpdf --deterministic-id keeps the first half of an identifier it finds: it must compute both.
    assert.deepEqual(objectsOf(input()).trailer, { value: { '/Root': '1 0 R', '/Info': '10 0 R', '/Size': 21 } });
  });

  test('keeps the other keys of the catalog and points its /Dests at a new object', () => {
    const objects = objectsOf(input());
    const catalog = dictionary(objects, '1 0 R');
    assert.equal(catalog['/Type'], '/Catalog');
    assert.equal(catalog['/Pages'], '2 0 R');
    assert.equal(catalog['/Lang'], 'u:en');
    assert.notEqual(catalog['/Dests'], '8 0 R');
    assert.ok(objectNumber(`obj:${catalog['/Dests'] as string}`) > 20);
  });

  test('gives every destination of the book its page object, names sorted', () => {
    const objects = objectsOf(input());
    const dests = dictionary(objects, dictionary(objects, '1 0 R')['/Dests']);
    assert.deepEqual(Object.keys(dests), ['/front', '/rb-db--cpu', '/rb-db--cpu/steps', '/rb-db--disk']);
    assert.deepEqual(dests, {
      '/front': ['3 0 R', '/Fit'],
      '/rb-db--cpu': ['4 0 R', ...TOP],
      '/rb-db--cpu/steps': ['5 0 R', '/XYZ', 0, 300, 0],
      '/rb-db--disk': ['6 0 R', ...TOP],
    });
  });

  test('gives the same objects for the same destinations in another order', () => {
    const reversed = new Map([...input().destinations].reverse());
    assert.deepEqual(assemblyUpdate(input({ destinations: reversed })), assemblyUpdate(input()));
  });

  test('replaces the old /Outlines with bookmarks that read back as the outline given', () => {
    const objects = objectsOf(input());
    const catalog = dictionary(objects, '1 0 R');
    assert.notEqual(catalog['/Outlines'], '9 0 R');
    assert.deepEqual(readOutline(objects, catalog['/Outlines'] as string), titles(OUTLINE));
  });

  test('links each bookmark to its page object and view', () => {
    const objects = objectsOf(input({ outline: [item('Front', 0, [{ title: 'Steps', page: 2, view: ['/XYZ', 0, 300, 0], children: [] }])] }));
    const root = dictionary(objects, dictionary(objects, '1 0 R')['/Outlines']);
    const front = dictionary(objects, root['/First']);
    assert.deepEqual(front['/Dest'], ['3 0 R', ...TOP]);
    assert.deepEqual(dictionary(objects, front['/First'])['/Dest'], ['5 0 R', '/XYZ', 0, 300, 0]);
  });

  test('opens the reader on the bookmarks', () => {
    assert.equal(dictionary(objectsOf(input()), '1 0 R')['/PageMode'], '/UseOutlines');
  });

  test('with a single bookmark, makes it first and last with no neighbours', () => {
    const objects = objectsOf(input({ outline: [item('Only', 0)] }));
    const root = dictionary(objects, dictionary(objects, '1 0 R')['/Outlines']);
    assert.equal(root['/First'], root['/Last']);
    assert.equal(root['/Count'], 1);
    const only = dictionary(objects, root['/First']);
    assert.deepEqual(only, { '/Title': 'u:Only', '/Parent': dictionary(objects, '1 0 R')['/Outlines'], '/Dest': ['3 0 R', ...TOP] });
  });

  test('without bookmarks, drops the old /Outlines and leaves the page mode alone', () => {
    const [header, objects] = assemblyUpdate(input({ outline: [] })).qpdf;
    const catalog = dictionary(objects, '1 0 R');
    assert.deepEqual(Object.keys(catalog).sort(), ['/Dests', '/Lang', '/Pages', '/Type']);
    assert.equal(header.maxobjectid, 21);
  });

  test('writes an empty /Dests for a book without destinations', () => {
    const objects = objectsOf(input({ destinations: new Map(), outline: [] }));
    assert.deepEqual(dictionary(objects, dictionary(objects, '1 0 R')['/Dests']), {});
  });

  test('stops on a destination beyond the last page, naming it', () => {
    const destinations = new Map([['/lost', { page: 5, view: TOP }]]);
    assert.throws(() => assemblyUpdate(input({ destinations, outline: [] })), { message: 'a destination points at page 6 of a book of 5 pages' });
  });

  test('stops on a bookmark beyond the last page, naming it', () => {
    assert.throws(() => assemblyUpdate(input({ outline: [item('A', 0, [item('Lost', 7)])] })), /page 8 of a book of 5 pages/);
  });

  describe('the document dates', () => {
    const date = new Date(1_700_000_000_000);

    test('are both set to the date given, keeping the rest of the information', () => {
      const objects = objectsOf(input({ date }));
      assert.deepEqual(dictionary(objects, '10 0 R'), {
        '/Title': 'u:Runbooks book',
        '/Producer': 'u:Skia/PDF m156',
        '/CreationDate': 'u:D:20231114221320Z',
        '/ModDate': 'u:D:20231114221320Z',
      });
    });

    test('are left as printed without a date', () => {
      assert.equal(objectsOf(input())['obj:10 0 R'], undefined);
    });

    test('are not added to a PDF without document information', () => {
      const objects = objectsOf(input({ info: undefined, date }));
      assert.equal(objects['obj:10 0 R'], undefined);
      for (const object of Object.values(objects)) assert.equal((object.value as Dictionary)['/CreationDate'], undefined);
    });
  });
});

describe('a PDF date', () => {
  const cases: [Date, string][] = [
    [new Date(0), 'D:19700101000000Z'],
    [new Date(1_700_000_000_123), 'D:20231114221320Z'],
    [new Date(Date.UTC(2026, 10, 29, 22, 48, 12)), 'D:20261129224812Z'],
    [new Date(Date.UTC(2000, 0, 2, 3, 4, 5)), 'D:20000102030405Z'],
  ];
  for (const [date, expected] of cases) {
    test(`is ${expected} for ${date.toISOString()}, in UTC without fractions of a second`, () => {
      assert.equal(pdfDate(date), expected);
    });
  }
});

describe('SOURCE_DATE_EPOCH', () => {
  test('unset or empty gives no date', () => {
    assert.equal(sourceDate(undefined), undefined);
    assert.equal(sourceDate(''), undefined);
  });

  for (const [value, expected] of [
    ['0', new Date(0)],
    ['1700000000', new Date(1_700_000_000_000)],
  ] as const) {
    test(`"${value}" gives the date that many seconds after 1970`, () => {
      assert.deepEqual(sourceDate(value), expected);
    });
  }

  // The last two: past the year 9999, which a PDF date cannot write, and past what a Date can hold.
  for (const value of ['12a', '-5', '1.5', ' 17', '1e9', '253402300800', '9000000000000']) {
    test(`"${value}" is refused with a message naming SOURCE_DATE_EPOCH`, () => {
      assert.throws(
        () => sourceDate(value),
        (error: Error) => error.message.includes('SOURCE_DATE_EPOCH') && error.message.includes(`"${value}"`),
      );
    });
  }
});
