import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkRawHtml } from '../../../src/lib/checks/raw-html.ts';
import { formatProblem } from '../../../src/lib/errors.ts';
import { urlScheme } from '../../../src/lib/html/allowed-html.ts';
import { frontmatter, sourcePage } from '../../helpers/source-page.ts';

const run = (body: string, path = 'payments/api-down.md') => checkRawHtml([sourcePage(path, `${frontmatter()}\n${body}`)]).map(formatProblem);
const FILE = 'content/runbooks/payments/api-down.md';
const JS_HREF =
  'javascript: URL in href of <a> is not allowed (allowed: http:, https:, mailto:, tel: and relative URLs): link to a relative path, #anchor or an address with one of those schemes';
const JS_LINK =
  'javascript: URL in a link is not allowed (allowed: http:, https:, mailto:, tel: and relative URLs): link to a relative path, #anchor or an address with one of those schemes';

describe('raw HTML and link targets', () => {
  test('the benign HTML runbooks use passes', () => {
    const body = [
      '<details open>\n<summary>More</summary>\n\nPress <kbd>Ctrl</kbd>+<kbd>C</kbd>.<br>\nH<sub>2</sub>O, 10<sup>3</sup>, <b>b</b> <i>i</i> <em>e</em> <strong>s</strong> <code>c</code>\n\n</details>',
      '<!-- a note for the next editor -->',
      '<img src="https://grafana.example.com/a.png" alt="A" width="600" height="200"> <img src="diagrams/flow.png" alt="">',
      '<table class="wide">\n<caption>Codes</caption>\n<colgroup><col span="1"></colgroup>\n<thead><tr><th scope="col" align="left">Code</th></tr></thead>\n<tbody><tr><td colspan="2" rowspan="1">503</td></tr></tbody>\n<tfoot><tr><td>x</td></tr></tfoot>\n</table>',
      '<div id="a" class="note" title="t" lang="en" dir="ltr" aria-label="note"><p>Text <span>s</span></p><hr><pre>x</pre></div>',
      '<blockquote><ul><li>a</li></ul><ol start="3"><li>b</li></ol><dl><dt>t</dt><dd>d</dd></dl></blockquote><h3>Heading</h3>',
      '<a href="https://example.com">a</a> <a href="/runbooks/x/">b</a> <a href="#diagnosis">c</a> <a href="mailto:oncall@example.com">d</a> <a href="../x.md">e</a>',
      '[web](https://example.com) [mail](mailto:a@example.com) [anchor](#x) [file](../x.md) <https://example.com> ![chart](https://example.com/c.png) ![local](c.png)',
      '```html\n<script>alert(1)</script>\n```\n\n`<iframe>` in code is text.',
    ].join('\n\n');
    assert.deepEqual(run(body), []);
  });

  test('refused elements, each at its tag', () => {
    assert.deepEqual(run('<script>alert(1)</script>\n\nText <iframe src="https://x"></iframe> and <svg onload="x"></svg>.\n'), [
      `${FILE}:11:1: <script> is not allowed in runbook content: pages run no scripts of their own; show code in a fenced code block`,
      `${FILE}:13:6: <iframe> is not allowed in runbook content: link to the page instead: [title](https://…)`,
      `${FILE}:13:44: <svg> is not allowed in runbook content: put the drawing in an image file and show it with ![description](https://…/drawing.svg)`,
    ]);
  });

  test('attributes: handlers and style in any case, at the attribute, on a later line of the tag too', () => {
    assert.deepEqual(run('- item <img src="a.png"\n  alt="a" OnError="x"\n  style="background:url(https://evil.example/t.gif)">\n'), [
      `${FILE}:12:11: onerror on <img> is not allowed: pages run no scripts of their own; remove the attribute`,
      `${FILE}:13:3: style on <img> is not allowed: content cannot restyle the page; remove the attribute (use Markdown emphasis, or a class)`,
    ]);
  });

  test('javascript: written every way a browser still reads as javascript:', () => {
    const hrefs = [
      'JaVaScRiPt:alert(1)',
      '&#106;avascript:alert(1)',
      '&#x6A;avascript:alert(1)',
      'java&#x09;script:alert(1)',
      ' \tjavascript:alert(1)',
      'java&Tab;script:x',
      'javascript&colon;x',
    ];
    assert.deepEqual(
      run(hrefs.map((href) => `<a href="${href}">x</a>`).join('\n')),
      hrefs.map((_, index) => `${FILE}:${11 + index}:4: ${JS_HREF}`),
    );
    assert.deepEqual(run('[a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](&#x6A;avascript:x)\n\n[d]: vbscript:x\n'), [
      `${FILE}:11:1: ${JS_LINK}`,
      `${FILE}:11:26: ${JS_LINK}`,
      `${FILE}:11:44: ${JS_LINK}`,
      `${FILE}:13:1: vbscript: URL in a link is not allowed (allowed: http:, https:, mailto:, tel: and relative URLs): link to a relative path, #anchor or an address with one of those schemes`,
    ]);
  });

  test('data: and http: images, in Markdown and HTML', () => {
    const advice = 'put the image at an https: address, or in a file beside the page with a relative path';
    assert.deepEqual(run('![a](data:image/png;base64,AAAA) <img src="http://example.com/a.png">\n'), [
      `${FILE}:11:1: data: URL in an image is not allowed (allowed: https: and relative URLs): ${advice}`,
      `${FILE}:11:39: http: URL in src of <img> is not allowed (allowed: https: and relative URLs): ${advice}`,
    ]);
  });

  test('an unknown attribute names the allowed ones', () => {
    assert.deepEqual(run('<div hidden>x</div>\n'), [
      `${FILE}:11:6: attribute hidden on <div> is not allowed: remove it (allowed: class, id, title, lang, dir, align, role, aria-*)`,
    ]);
  });

  test('in .mdx the HTML is JSX, checked on the MDX tree (mdx-code.ts); Markdown links are checked here', () => {
    assert.deepEqual(run('<script>{1}</script>\n\n[a](javascript:x)\n', 'payments/api-down.mdx'), [`content/runbooks/payments/api-down.mdx:13:1: ${JS_LINK}`]);
  });

  test('the scheme as a browser reads it', () => {
    assert.equal(urlScheme('https://example.com'), 'https');
    assert.equal(urlScheme('/runbooks/x/'), undefined);
    assert.equal(urlScheme('x.png'), undefined);
    assert.equal(urlScheme('#a:b'), undefined);
    assert.equal(urlScheme('\u0001java\nscript:x'), 'javascript');
  });
});
