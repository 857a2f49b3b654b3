import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bookAnchor, bookAnchors, bookHtml, bookId, notInBook } from '../../../src/lib/book/book-html.ts';

const anchors = bookAnchors(['db/cpu', 'db/latency', 'api/down']);
const rewrite = (html: string, base = '/', site?: string) => bookHtml(html, { anchor: anchors.get('db/cpu')!, base, anchors, site });

describe('book anchors', () => {
  test('a slug becomes an anchor without slashes, and a page id hangs below it after a slash', () => {
    assert.equal(bookAnchor('architect-api/api-down'), 'rb-architect-api--api-down');
    assert.equal(bookId('rb-architect-api--api-down', 'symptoms'), 'rb-architect-api--api-down/symptoms');
  });

  test('two slugs that would share an anchor are refused, naming both', () => {
    assert.throws(() => bookAnchors(['a--b/c', 'a/b--c']), { message: 'pages "a--b/c" and "a/b--c" would share the book anchor #rb-a--b--c' });
  });
});

describe('bookHtml', () => {
  const cases: [string, string, string][] = [
    ['heading ids get the page prefix', '<h2 id="impact">Impact</h2>', '<h2 id="rb-db--cpu/impact">Impact</h2>'],
    ['links within the page follow', '<a href="#impact">see</a>', '<a href="#rb-db--cpu/impact">see</a>'],
    ['id lists in aria attributes follow, each id', '<div aria-describedby="a b">x</div>', '<div aria-describedby="rb-db--cpu/a rb-db--cpu/b">x</div>'],
    ['label for', '<label for="q">Q</label>', '<label for="rb-db--cpu/q">Q</label>'],
    ['a link to another page points at its section', '<a href="/runbooks/db/latency/">latency</a>', '<a href="#rb-db--latency">latency</a>'],
    ['… and at a heading of it', '<a href="/runbooks/api/down/#diagnosis">x</a>', '<a href="#rb-api--down/diagnosis">x</a>'],
    [
      'a page not in the book (no site URL known): plain text, and where it is on the site for the note',
      '<a href="/runbooks/web/down/#steps" class="x">x</a>',
      '<a data-not-in-book="/runbooks/web/down/" class="x">x</a>',
    ],
    [
      'external links and other attributes are untouched',
      '<a href="https://example.com/#x" class="ext" data-id="k">x</a>',
      '<a href="https://example.com/#x" class="ext" data-id="k">x</a>',
    ],
    ['single quotes are kept', "<h3 id='steps'>Steps</h3>", "<h3 id='rb-db--cpu/steps'>Steps</h3>"],
    ['an unquoted value gets quotes (the prefix holds a slash)', '<h3 id=steps>Steps</h3>', '<h3 id="rb-db--cpu/steps">Steps</h3>'],
    ['a `>` inside a quoted value does not end the tag', '<a title="a > b" href="#x">x</a>', '<a title="a > b" href="#rb-db--cpu/x">x</a>'],
    ['text that looks like an attribute is text', '<code>id="x" href="#y"</code>', '<code>id="x" href="#y"</code>'],
    ['escaped markup inside code is text', '<pre><code>&lt;a id="x"&gt;</code></pre>', '<pre><code>&lt;a id="x"&gt;</code></pre>'],
    ['a bare `#` stays', '<a href="#">top</a>', '<a href="#">top</a>'],
  ];
  for (const [name, input, expected] of cases) {
    test(name, () => assert.equal(rewrite(input), expected));
  }

  test('with a base path, only links under it are pages of the site', () => {
    assert.equal(rewrite('<a href="/docs/runbooks/db/latency/">x</a>', '/docs/'), '<a href="#rb-db--latency">x</a>');
    assert.equal(rewrite('<a href="/runbooks/db/latency/">x</a>', '/docs/'), '<a href="/runbooks/db/latency/">x</a>');
  });
});

describe("a link to a page the book does not hold (a team's book naming another service's runbook)", () => {
  const site = 'https://ops.example.com';
  const cases: [string, string, string, string?][] = [
    [
      'goes to the page on the site, marked for the note',
      '<a href="/runbooks/web/down/">x</a>',
      '<a href="https://ops.example.com/runbooks/web/down/" data-not-in-book>x</a>',
    ],
    [
      '… keeping its heading',
      '<a href="/runbooks/web/down/#rollback">x</a>',
      '<a href="https://ops.example.com/runbooks/web/down/#rollback" data-not-in-book>x</a>',
    ],
    [
      '… and its query',
      '<a href="/runbooks/web/down/?env=prod#a">x</a>',
      '<a href="https://ops.example.com/runbooks/web/down/?env=prod#a" data-not-in-book>x</a>',
    ],
    [
      '… with the trailing slash a page URL has',
      '<a href="/runbooks/web/down#a">x</a>',
      '<a href="https://ops.example.com/runbooks/web/down/#a" data-not-in-book>x</a>',
    ],
    [
      'a site URL with a trailing slash gives no double slash',
      '<a href="/runbooks/web/down/">x</a>',
      '<a href="https://ops.example.com/runbooks/web/down/" data-not-in-book>x</a>',
      'https://ops.example.com/',
    ],
    [
      'quotes as written, unquoted gets quotes',
      "<a class=k href='/runbooks/web/down/'>x</a>",
      "<a class=k href='https://ops.example.com/runbooks/web/down/' data-not-in-book>x</a>",
    ],
    ['a page of the book still points into it', '<a href="/runbooks/db/latency/">x</a>', '<a href="#rb-db--latency">x</a>'],
    [
      'other links are untouched',
      '<a href="/alerts/DBDown/">x</a><a href="https://example.com/">y</a>',
      '<a href="/alerts/DBDown/">x</a><a href="https://example.com/">y</a>',
    ],
  ];
  for (const [name, input, expected, siteUrl = site] of cases) {
    test(name, () => assert.equal(rewrite(input, '/', siteUrl), expected));
  }

  test('under a base path: the site URL, then the base', () => {
    assert.equal(
      rewrite('<a href="/docs/runbooks/web/down/#a">x</a>', '/docs/', 'https://ops.example.com'),
      '<a href="https://ops.example.com/docs/runbooks/web/down/#a" data-not-in-book>x</a>',
    );
    assert.equal(rewrite('<a href="/docs/runbooks/web/down/#a">x</a>', '/docs/'), '<a data-not-in-book="/docs/runbooks/web/down/">x</a>');
  });

  test('a site URL that already ends in the base path does not get it twice (as the sitemap resolves it)', () => {
    assert.equal(
      rewrite('<a href="/docs/runbooks/web/down/">x</a>', '/docs/', 'https://ops.example.com/docs/'),
      '<a href="https://ops.example.com/docs/runbooks/web/down/" data-not-in-book>x</a>',
    );
  });

  test('an unquoted link loses its href without a site URL, and the path gets quotes', () => {
    assert.equal(rewrite('<a href=/runbooks/web/down/>x</a>'), '<a data-not-in-book="/runbooks/web/down/">x</a>');
  });

  test('notInBook: the address on the site, or the path for the note', () => {
    assert.deepEqual(notInBook('/runbooks/web/down/', 'https://ops.example.com', '#a'), { href: 'https://ops.example.com/runbooks/web/down/#a' });
    assert.deepEqual(notInBook('/runbooks/web/down/', undefined, '#a'), { path: '/runbooks/web/down/' });
  });
});
