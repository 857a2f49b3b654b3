import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bodyLinks, destinationText } from '../../../src/lib/import/body-links.ts';
import { readSourcePage } from '../../../src/lib/import/source-page.ts';

function scan(body: string) {
  const read = readSourcePage({ path: 'team/page.md', text: body });
  assert.ok(read.ok);
  const { links, shortcodes } = bodyLinks(read.page);
  return { links: links.map((link) => [link.kind, link.target, body.slice(link.start, link.end), link.line]), shortcodes };
}

describe('body links', () => {
  test('each link target with the exact span that holds it', () => {
    const body = [
      'Text [a [nested] link](x.md "title"), [b](<with space.md>) and ![i](img.png).',
      '',
      "[ref]: ../other.md 'Title'",
      '![pic][logo]',
      '',
      '[logo]: logo.png',
      '',
      '[e](a\\_b.md) [f](p(1).md)',
    ].join('\n');
    assert.deepEqual(scan(body).links, [
      ['link', 'x.md', 'x.md', 1],
      ['link', 'with space.md', 'with space.md', 1],
      ['image', 'img.png', 'img.png', 1],
      ['link', '../other.md', '../other.md', 3],
      ['image', 'logo.png', 'logo.png', 6],
      ['link', 'a_b.md', 'a\\_b.md', 8],
      ['link', 'p(1).md', 'p(1).md', 8],
    ]);
  });

  test('Hugo ref and relref shortcodes are links, whole; in code, and every other shortcode, they are left', () => {
    const body = [
      'See [c]({{< ref path="c.md" >}}), {{< relref `d` >}} and [e]({{% ref "e.md#anchor" %}}).',
      '',
      '`{{< ref "in-code.md" >}}` {{< hint info >}}',
      '',
      '```',
      '{{< ref "fenced.md" >}}',
      '```',
      '{{</* ref "shown.md" */>}}',
    ].join('\n');
    const { links, shortcodes } = scan(body);
    assert.deepEqual(links, [
      ['ref', 'c.md', '{{< ref path="c.md" >}}', 1],
      ['ref', 'd', '{{< relref `d` >}}', 1],
      ['ref', 'e.md#anchor', '{{% ref "e.md#anchor" %}}', 1],
    ]);
    assert.deepEqual(shortcodes, [
      { line: 3, text: '{{< ref "in-code.md" >}}', inCode: true },
      { line: 3, text: '{{< hint info >}}', inCode: false },
      { line: 6, text: '{{< ref "fenced.md" >}}', inCode: true },
      { line: 8, text: '{{</* ref "shown.md" */>}}', inCode: false },
    ]);
  });

  test('a new destination is written so that Markdown reads it back', () => {
    assert.equal(destinationText('../node/Disk.md#fix', false), '../node/Disk.md#fix');
    assert.equal(destinationText('my graph.png', false), '<my graph.png>');
    assert.equal(destinationText('my graph.png', true), 'my graph.png');
    assert.equal(destinationText('odd).md', false), '<odd).md>');
  });
});
