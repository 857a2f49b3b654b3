import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { moduleScripts, rewriteForOffline } from '../../../src/lib/offline/rewrite-html.ts';

/** The offline copy of a runbook page (three folders deep), with the classic scripts that replace module ones. */
const offline = (html: string) => rewriteForOffline(html, { file: 'runbooks/db/latency/index.html', base: '/', scripts: ['/offline-index.js'] });

describe('rewriteForOffline leaves text that looks like markup as it is', () => {
  // What Shiki and the Markdown renderer write for commands and output: `<` escaped, quotes as they are.
  const texts: [string, string][] = [
    [
      'a command matching src attributes',
      `<pre><code><span class="line"><span style="--shiki-light:#D73A49">grep</span> -o 'src="/[^"]*"' page.html</span></code></pre>`,
    ],
    ['output with href and src', '<pre><code>&lt;a href="/y"&gt;docs&lt;/a&gt; &lt;img src="/x"&gt;</code></pre>'],
    ['a module script as text', '<pre><code>&lt;script type="module" src="/a.js"&gt;&lt;/script&gt;</code></pre>'],
    ['a refresh as text', '<p><code>&lt;meta http-equiv="refresh" content="0; url=/old/"&gt;</code></p>'],
    ['a paragraph', '<p>Search the page for src="/x" and HREF=\'/y\'.</p>'],
    ['an inline script', '<script>const html = \'<a href="/y">\'; document.body.innerHTML = \'<img src="/x">\';</script>'],
    ['a style', '<style>a[href="/y"] { color: red }</style>'],
    ['a comment', '<!-- <a href="/y"> -->'],
    ['a textarea', '<textarea>&lt;a href="/y"&gt; <img src="/x"></textarea>'],
    ['attributes that are not href or src', '<img data-src="/x" data-href="/y" srcset="/x 2x" alt=\'src="/x"\'>'],
    ['links outside the site', '<a href="https://example.com/?a=1&amp;b=2">x</a><a href=\'#top\'>y</a><a href>z</a>'],
  ];
  for (const [name, html] of texts) test(name, () => assert.equal(offline(html), html));

  test('a module script written as text is not one the page loads', () =>
    assert.deepEqual(moduleScripts('<pre><code>&lt;script type="module" src="/a.js"&gt;&lt;/script&gt;</code></pre>'), []));
});

describe('rewriteForOffline rewrites every real href and src', () => {
  const cases: [string, string, string][] = [
    ['double quotes', '<a href="/alerts/">x</a>', '<a href="../../../alerts/index.html">x</a>'],
    ['single quotes', "<a href='/alerts/'>x</a>", "<a href='../../../alerts/index.html'>x</a>"],
    ['no quotes', '<img src=/_astro/a.png alt=x>', '<img src="../../../_astro/a.png" alt=x>'],
    ['upper-case names', '<A HREF="/alerts/">x</A><IMG SRC = "/a.png">', '<A HREF="../../../alerts/index.html">x</A><IMG SRC = "../../../a.png">'],
    [
      'an element inside a code block',
      '<pre><code><a href="/alerts/">alerts</a> src="/x"</code></pre>',
      '<pre><code><a href="../../../alerts/index.html">alerts</a> src="/x"</code></pre>',
    ],
    [
      'entities decoded and written back',
      '<a href="&#x2F;alerts/?env=prod&amp;alert=X">x</a>',
      '<a href="../../../alerts/index.html?env=prod&amp;alert=X">x</a>',
    ],
    ['a quote in the value', `<a href='/alerts/?q="x"&amp;y=&#39;'>x</a>`, `<a href='../../../alerts/index.html?q="x"&amp;y=&#39;'>x</a>`],
    ['a self-closing tag', '<img src="/a.png" /><link href="/s.css"/>', '<img src="../../../a.png" /><link href="../../../s.css"/>'],
    ['the first of two', '<a href="/a/" href="/b/">x</a>', '<a href="../../../a/index.html" href="/b/">x</a>'],
    [
      'a refresh in any letter case',
      '<META HTTP-EQUIV="Refresh" CONTENT="0;URL=/alerts/?alert=X&amp;env=prod">',
      '<META HTTP-EQUIV="Refresh" CONTENT="0;URL=../../../alerts/index.html?alert=X&amp;env=prod">',
    ],
  ];
  for (const [name, html, expected] of cases) test(name, () => assert.equal(offline(html), expected));

  test('module scripts in any attribute order and quoting are replaced; text around them stays', () => {
    const html = `<head><script src='/_astro/a.js' type=MODULE></script ><script type="module" src="/_astro/b.js" /></script></head><pre>src="/x"</pre>`;
    assert.deepEqual(moduleScripts(html), ['/_astro/a.js', '/_astro/b.js']);
    assert.equal(offline(html), '<head><script defer src="../../../offline-index.js"></script></head><pre>src="/x"</pre>');
  });
});
