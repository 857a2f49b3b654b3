import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHtml, selectAll } from '../../helpers/hast.ts';
import { renderRunbook } from '../../helpers/site-markdown.ts';

/** `[aria-label, checked]` of every checkbox of the rendered Markdown. */
async function checkboxes(markdown: string) {
  const inputs = selectAll(parseHtml(await renderRunbook(markdown)), 'input');
  return inputs.map((input) => [input.properties['ariaLabel'], input.properties['checked'] === true]);
}

describe('hastTaskListLabels, in the Markdown processor of astro.config.mjs', () => {
  test('each task checkbox is named after its item’s text, checked or not', async () => {
    assert.deepEqual(await checkboxes('- [ ] Acknowledge the alert\n- [x] Open the incident channel\n'), [
      ['Acknowledge the alert', false],
      ['Open the incident channel', true],
    ]);
  });

  test('the name is the text a reader hears: inline code, emphasis and links read as text', async () => {
    assert.deepEqual(await checkboxes('- [ ] Run `kubectl get pods` in **production**, then [check the dashboard](https://grafana.example.com)\n'), [
      ['Run kubectl get pods in production, then check the dashboard', false],
    ]);
  });

  test('ordered task lists too; the checkbox stays disabled', async () => {
    const html = await renderRunbook('1. [ ] Page the database owner\n');
    const [input] = selectAll(parseHtml(html), 'input');
    assert.equal(input?.properties['ariaLabel'], 'Page the database owner');
    assert.equal(input?.properties['disabled'], true);
    assert.equal(input?.properties['type'], 'checkbox');
  });

  test('a list item that is not a task has no checkbox to name', async () => {
    assert.deepEqual(await checkboxes('- plain item\n- [link](https://example.com)\n'), []);
  });

  test('a task with sub-tasks is named after its own text, not its sub-tasks’', async () => {
    assert.deepEqual(await checkboxes('- [ ] Fail over the database\n  - [ ] Promote the replica\n  - [ ] Repoint the app\n'), [
      ['Fail over the database', false],
      ['Promote the replica', false],
      ['Repoint the app', false],
    ]);
  });
});
