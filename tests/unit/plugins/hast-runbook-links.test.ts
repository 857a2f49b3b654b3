import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { satteri } from '@astrojs/markdown-satteri';
import { CONTENT_ROOT } from '../../../src/node/content-root.ts';
import { hastRunbookLinks } from '../../../src/plugins/hast-runbook-links.ts';
import { parseHtml, selectAll } from '../../helpers/hast.ts';
import { renderRunbook, runbookFileURL, siteRenderer } from '../../helpers/site-markdown.ts';

/** The `href` of every link of the rendered Markdown, in order. */
const hrefs = (html: string) => selectAll(parseHtml(html), 'a').map((link) => link.properties['href']);

describe('hastRunbookLinks, in the Markdown processor of astro.config.mjs', () => {
  test('a relative link to another runbook file points at its page, with its anchor or query', async () => {
    const html = await renderRunbook(
      ['[rollback](../deploy/rollback.md#steps)', '[sibling](./api-errors.mdx)', '[bare](ledger-lag.md?env=staging)'].join(' '),
      'payments/api-down.md',
    );
    assert.deepEqual(hrefs(html), ['/runbooks/deploy/rollback/#steps', '/runbooks/payments/api-errors/', '/runbooks/payments/ledger-lag/?env=staging']);
  });

  test('the link is resolved from the folder of the file being rendered', async () => {
    assert.deepEqual(hrefs(await renderRunbook('[x](./rollback.md)', 'deploy/api.md')), ['/runbooks/deploy/rollback/']);
    assert.deepEqual(hrefs(await renderRunbook('[x](../payments/api-down.md)', 'deploy/nested/api.mdx')), ['/runbooks/deploy/payments/api-down/']);
  });

  test('everything else is left as written: other sites, site paths, anchors, other files, files outside the runbooks', async () => {
    const links = ['https://example.com/x.md', '/runbooks/deploy/rollback/', '#diagnosis', './diagram.png', '../../outside.md', 'mailto:oncall@example.com'];
    const html = await renderRunbook(links.map((href, index) => `[${index}](${href})`).join(' '));
    assert.deepEqual(hrefs(html), links);
  });

  test('reference-style links and autolinks go through it too', async () => {
    const html = await renderRunbook('[rollback][r] and <https://example.com/a.md>\n\n[r]: ../deploy/rollback.md');
    assert.deepEqual(hrefs(html), ['/runbooks/deploy/rollback/', 'https://example.com/a.md']);
  });

  test('Markdown rendered without a file (no fileURL) keeps its links', async () => {
    const { code } = await (await siteRenderer()).render('[x](./rollback.md)');
    assert.deepEqual(hrefs(code), ['./rollback.md']);
  });

  test('under a base path, as the base-path build configures it', async () => {
    // The processor as astro.config.mjs makes it when RUNBOOKS_BASE=/runbooks/ (the config reads it once, at import).
    const processor = satteri({ hastPlugins: [hastRunbookLinks({ base: '/runbooks/', runbooksRoot: `${CONTENT_ROOT}/runbooks` })] });
    const renderer = await processor.createRenderer({});
    const { code } = await renderer.render('[x](../deploy/rollback.md#steps)', { fileURL: runbookFileURL('payments/api-down.md') });
    assert.deepEqual(hrefs(code), ['/runbooks/runbooks/deploy/rollback/#steps']);
  });
});
