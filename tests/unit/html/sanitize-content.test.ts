import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isClean, sanitizeContent } from '../../../src/lib/html/sanitize-content.ts';

/** The build's second line on a rendered runbook body (the build test, tests/build/sanitised-content.test.ts, runs it in a real build). */
describe('sanitizeContent', () => {
  test('keeps what the Markdown pipeline and its plugins write, as written', () => {
    const body = [
      '<h2 id="diagnosis">Diagnosis</h2>',
      '<figure class="command-block" data-language="bash" data-placeholders="namespace" data-destructive="kubectl delete"><figcaption><span class="language">bash</span><span class="destructive-badge" title="kubectl delete">Destructive: kubectl delete</span><button type="button" class="copy-button" aria-label="Copy command">Copy</button></figcaption><pre class="astro-code github-light-default t-fg" tabindex="0" data-language="bash"><code><span class="line"><span class="t-vr">kubectl</span><span class="t-st"> -n </span><span class="ph" data-placeholder="namespace"><span class="t-st">{{namespace}}</span></span></span>\n<span class="line output"><span style="color:#FF0000;font-style:italic">ERROR</span></span></code></pre></figure>',
      '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled aria-label="Ack the alert"> Ack the alert</li></ul>',
      '<p>See <a href="/runbooks/payments/db/#resolution">the database</a>, <a href="https://example.com/a?b=1&amp;c=2">a site</a>, <a href="mailto:oncall@example.com">mail</a>.</p>',
      '<table><thead><tr><th align="left">Code</th></tr></thead><tbody><tr><td colspan="2">503</td></tr></tbody></table>',
      '<details open><summary>More</summary><p>Press <kbd>Ctrl</kbd><br />H<sub>2</sub>O<sup>1</sup></p></details>',
      '<p><img src="https://grafana.example.com/a.png" alt="Error rate" width="600" /> <img src="chart.png" alt="" /></p>',
      '<p><sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup></p><section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2></section>',
    ].join('\n');
    const out = sanitizeContent(body);
    for (const kept of [
      'data-placeholders="namespace"',
      'data-destructive="kubectl delete"',
      '<button type="button" class="copy-button" aria-label="Copy command">',
      '<pre class="astro-code github-light-default t-fg" tabindex="0" data-language="bash">',
      '<span class="ph" data-placeholder="namespace"><span class="t-st">{{namespace}}</span></span>',
      'style="color:#FF0000;font-style:italic"',
      '<input type="checkbox" disabled aria-label="Ack the alert">',
      'href="https://example.com/a?b=1&amp;c=2"',
      '<td colspan="2">503</td>',
      '<details open><summary>More</summary>',
      '<img src="https://grafana.example.com/a.png" alt="Error rate" width="600" />',
      'data-footnote-ref',
      '<section data-footnotes class="footnotes">',
    ]) {
      assert.ok(out.includes(kept), `${kept}\nnot in\n${out}`);
    }
  });

  test('a body with nothing to remove is kept byte for byte, without going through sanitize-html', () => {
    const body = [
      '<h2 id="diagnosis">Diagnosis</h2>',
      '<figure class="command-block" data-language="bash"><figcaption><button type="button" class="copy-button" aria-label="Copy command">Copy</button></figcaption><pre class="astro-code t-fg" tabindex="0" data-language="bash"><code><span class="line"><span class="t-vr">echo</span><span style="color:#FF0000;font-style:italic"> &lt;script&gt;</span></span></code></pre></figure>',
      '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled aria-label="Ack"> Ack</li></ul>',
      '<p>A <a href="/runbooks/x/">page</a><br>and <img src="chart.png" alt="" /> &amp; <kbd>Ctrl</kbd></p>',
    ].join('\n');
    assert.equal(isClean(body), true);
    assert.equal(sanitizeContent(body), body);
  });

  for (const [name, body] of [
    ['an element outside the list', '<p>a</p><script>x</script>'],
    ['a handler', '<p onclick="x()">a</p>'],
    ['an attribute the element may not have', '<p href="/x">a</p>'],
    ['an entity-encoded javascript: link', '<a href="&#106;avascript:x()">a</a>'],
    ['an http: image', '<img src="http://example.com/a.png" alt="">'],
    ['a style beyond a token colour', '<span style="color:#000;background:url(x)">a</span>'],
    ['a style on a paragraph', '<p style="color:#000">a</p>'],
    ['an input other than a checkbox', '<input type="password">'],
    ['a comment', '<p>a</p><!-- x -->'],
    ['an element left open', '<div><p>a</p>'],
    ['an end tag of an element the body did not open', '<p>a</p></div></main><p>b</p>'],
    ['an end tag that closes elements implicitly', '<div><p><span>a</div>'],
  ] as const) {
    test(`${name} sends the body through sanitize-html`, () => {
      assert.equal(isClean(body), false);
      assert.notEqual(sanitizeContent(body), body);
    });
  }

  test('removes script, handlers, frames, forms, head elements, styles and unsafe URLs', () => {
    const hostile = [
      '<script>window.hostile = 1</script>',
      '<img src="https://example.com/a.png" alt="a" onerror="window.hostile = 2">',
      '<a href="JaVaScRiPt:window.hostile = 3">a</a> <a href="&#106;avascript:window.hostile = 4">b</a> <a href="java&#x09;script:window.hostile = 5">c</a>',
      '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="d"> <img src="http://example.com/e.png" alt="e">',
      '<meta http-equiv="refresh" content="0; url=https://evil.example/"><base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css">',
      '<iframe src="https://evil.example/"></iframe><object data="x.swf"></object><embed src="x.swf"><frameset></frameset>',
      '<form action="https://evil.example/"><input type="password" name="p"><button>Go</button></form>',
      '<style>body { display: none }</style><div style="background:url(https://evil.example/t.gif)">text</div>',
      '<span style="color:#000;background-image:url(https://evil.example/t.gif)">token</span>',
      '<svg onload="window.hostile = 6"><script>window.hostile = 7</script></svg><math></math>',
      '<!--runbooks:body--><!--/runbooks:body-->',
    ].join('\n');
    const out = sanitizeContent(hostile);
    assert.doesNotMatch(
      out,
      /hostile|onerror|javascript|&#106;|data:|http:|evil\.example|<meta|<base|<link|<iframe|<object|<embed|<frame|<form|password|<svg|<math|<style|display: none|<!--/i,
    );
    assert.match(out, /<div>text<\/div>/);
    assert.match(out, /<span style="color:#000">token<\/span>/);
    assert.match(out, /<img src="https:\/\/example\.com\/a\.png" alt="a" \/>/);
  });
});
