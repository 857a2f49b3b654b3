import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bookAnchor, bookAnchors, bookHtml, bookId } from '../../../src/lib/book/book-html.ts';

const anchors = bookAnchors(['db/cpu', 'db/latency', 'api/down']);
const rewrite = (html: string, base = '/') => bookHtml(html, { anchor: anchors.get('db/cpu')!, base, anchors });

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
    ['a page not in the book keeps its link', '<a href="/runbooks/gone/page/">x</a>', '<a href="/runbooks/gone/page/">x</a>'],
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
