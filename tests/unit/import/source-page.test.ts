import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { firstSentence, hasContent, isDraft, pageSummary, pageTitle, readSourcePage, type SourcePage } from '../../../src/lib/import/source-page.ts';

function page(path: string, text: string): SourcePage {
  const read = readSourcePage({ path, text });
  assert.ok(read.ok, read.ok ? '' : read.reason);
  return read.page;
}

describe('a page of the old collection', () => {
  test('title: the front matter, else the first # heading, else the file (an index page: its folder)', () => {
    assert.deepEqual(pageTitle(page('k/A.md', '---\ntitle: Kube Pod Crash Looping\n---\n\n# KubePodCrashLooping\n'), 'site'), {
      value: 'Kube Pod Crash Looping',
      source: 'front matter',
    });
    assert.deepEqual(pageTitle(page('k/A.md', '## Meaning\n\n# The *real* title {{< badge >}}\n'), 'site'), { value: 'The real title', source: 'heading' });
    assert.deepEqual(pageTitle(page('k/KubePodNotReady.md', '---\nweight: 2\n---\n\n## Meaning\n'), 'site'), { value: 'KubePodNotReady', source: 'file name' });
    assert.deepEqual(pageTitle(page('k/disk-full_fast.md', 'Text.\n'), 'site'), { value: 'Disk full fast', source: 'file name' });
    assert.deepEqual(pageTitle(page('storage/_index.md', 'Text.\n'), 'site'), { value: 'Storage', source: 'file name' });
    assert.deepEqual(pageTitle(page('README.md', 'Text.\n'), 'runbooks'), { value: 'Runbooks', source: 'file name' });
  });

  test("summary: the front matter's summary or description, else the first sentence of the first paragraph", () => {
    assert.deepEqual(pageSummary(page('a.md', '---\ndescription: When the pods crash.\n---\n\nBody.\n')), {
      value: 'When the pods crash.',
      source: 'front matter',
    });
    assert.deepEqual(
      pageSummary(page('a.md', '# T\n\n## Meaning\n\nPod is in `CrashLoop`, e.g. the app dies\nat start. Then [kubernetes](https://k8s.io) restarts it.\n')),
      { value: 'Pod is in CrashLoop, e.g. the app dies at start.', source: 'first paragraph' },
    );
    // A paragraph that is only a shortcode or an image says nothing; lists and code are not a summary.
    assert.deepEqual(pageSummary(page('a.md', '{{< toc >}}\n\n![graph](g.png)\n\n- a step\n\n```sh\nls\n```\n')), undefined);
  });

  test('a sentence longer than a listing shows is cut at a word', () => {
    const long = `${'word '.repeat(60)}end.`;
    const cut = firstSentence(long);
    assert.ok(cut.length <= 201 && cut.endsWith('word…'), cut);
  });

  test('a section page has content unless it is only headings, comments and shortcodes', () => {
    assert.equal(hasContent(page('k/_index.md', '---\ntitle: k\n---\n\n')), false);
    assert.equal(hasContent(page('k/_index.md', '# Kubernetes\n\n<!-- nothing yet -->\n\n{{< toc-tree >}}\n')), false);
    assert.equal(hasContent(page('k/_index.md', '# Kubernetes\n\n- [Pods](pods/)\n')), true);
  });

  test('drafts, and what cannot be read', () => {
    assert.equal(isDraft(page('a.md', '---\ndraft: true\n---\nx\n')), true);
    assert.equal(isDraft(page('a.md', '---\ndraft: "true"\n---\nx\n')), true);
    assert.equal(isDraft(page('a.md', '---\ndraft: false\n---\nx\n')), false);
    assert.deepEqual(readSourcePage({ path: 'a.md', text: '+++\ntitle = "x"\n+++\nBody\n' }), {
      ok: false,
      reason: 'its front matter is TOML (+++), which is not read: convert it to YAML first (`hugo convert toYAML`)',
    });
    const bad = readSourcePage({ path: 'a.md', text: '---\ntitle: [unclosed\n---\nBody\n' });
    assert.equal(bad.ok, false);
    assert.equal(readSourcePage({ path: 'a.md', text: '---\n- a list\n---\nBody\n' }).ok, false);
  });

  test('the old site also served a page at its aliases, its url and its slug', () => {
    const text = '---\naliases: [/old/Name/, /older/name.html]\nurl: /r/x/\nslug: crash\n---\nBody\n';
    assert.deepEqual(page('k/KubePodCrashLooping.md', text).keys, [
      ['k', 'kubepodcrashlooping'],
      ['r', 'x'],
      ['k', 'crash'],
      ['old', 'name'],
      ['older', 'name'],
    ]);
  });
});
