import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { repeatsTitle } from '../../../src/lib/markdown/title-heading.ts';
import { runbookFileURL, siteRenderer } from '../../helpers/site-markdown.ts';

/** The rendered body and Astro's headings (what the table of contents lists) of `markdown` titled `title`. */
async function render(markdown: string, title: string) {
  const { code, metadata } = await (await siteRenderer()).render(markdown, { fileURL: runbookFileURL('payments/api-down.md'), frontmatter: { title } });
  return { html: code, headings: metadata.headings.map((heading) => `${heading.depth} ${heading.text}`) };
}

describe('a leading heading that repeats the title, in the Markdown processor of astro.config.mjs', () => {
  test('is not shown, nor among the headings', async () => {
    const { html, headings } = await render('# Pods  Crash looping\n\nThe pods restart.\n\n## Diagnosis\n\nLook.\n', 'Pods crash looping');
    assert.doesNotMatch(html, /<h1/);
    assert.match(html, /^\s*<p>The pods restart\.<\/p>/);
    assert.deepEqual(headings, ['2 Diagnosis']);
  });

  test('a heading that says more, one further down, or one at another level stays', async () => {
    for (const markdown of ['# Pods crash looping in payments\n', 'Intro.\n\n# Pods crash looping\n', '## Pods crash looping\n']) {
      const { headings } = await render(markdown, 'Pods crash looping');
      assert.equal(headings.length, 1, markdown);
    }
  });

  test('the comparison ignores case and spacing only', () => {
    assert.equal(repeatsTitle(' pods\tcrash  LOOPING ', 'Pods crash looping'), true);
    assert.equal(repeatsTitle('Pods crash-looping', 'Pods crash looping'), false);
    assert.equal(repeatsTitle('', ''), false);
  });
});
