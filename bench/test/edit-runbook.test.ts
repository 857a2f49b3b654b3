import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ADDED_PARAGRAPH, editedRunbook, firstRunbook, withEditedRunbook } from '../src/edit-runbook.ts';

// As bench/gen-corpus.mjs writes them: the title a JSON string, the body ending in a table.
const RUNBOOK = `---
title: "Edge Proxy: high p99 latency"
summary: "The edge-proxy component shows high p99 latency."
service: api-gateway
---

This runbook covers high p99 latency on edge-proxy.

| After | Action |
| --- | --- |
| 24h | Page the secondary |
`;

describe('editedRunbook', () => {
  test('a new title and a paragraph at the end; the rest as it was', () => {
    assert.equal(
      editedRunbook(RUNBOOK),
      RUNBOOK.replace('title: "Edge Proxy: high p99 latency"', 'title: "Edge Proxy: high p99 latency (edited)"').replace(
        '| 24h | Page the secondary |\n',
        `| 24h | Page the secondary |\n\n${ADDED_PARAGRAPH}\n`,
      ),
    );
  });

  const titles: [string, string, string][] = [
    ['single-quoted', "title: 'It''s down'", 'title: "It\'s down (edited)"'],
    ['plain', 'title: Disk full   ', 'title: "Disk full (edited)"'],
    ['with quotes inside', 'title: "The \\"db\\" is slow"', 'title: "The \\"db\\" is slow (edited)"'],
  ];
  for (const [name, line, expected] of titles) {
    test(`a ${name} title`, () => {
      const edited = editedRunbook(`---\nservice: db\n${line}\n---\nBody.\n`);
      assert.equal(edited, `---\nservice: db\n${expected}\n---\nBody.\n\n${ADDED_PARAGRAPH}\n`);
    });
  }

  test('only the frontmatter’s own title line is touched', () => {
    const text = '---\ntitle: A\nsla:\n  title: nested\n---\ntitle: not frontmatter\n';
    assert.equal(editedRunbook(text), `---\ntitle: "A (edited)"\nsla:\n  title: nested\n---\ntitle: not frontmatter\n\n${ADDED_PARAGRAPH}\n`);
  });

  test('Windows line ends are kept in the frontmatter', () => {
    assert.equal(editedRunbook('---\r\ntitle: "A"\r\n---\r\nBody.\r\n'), `---\r\ntitle: "A (edited)"\r\n---\r\nBody.\n\n${ADDED_PARAGRAPH}\n`);
  });

  const refused: [string, string, RegExp][] = [
    ['no frontmatter', '# Title\n', /no frontmatter/],
    ['no title', '---\nservice: db\n---\n', /cannot edit the title line ""/],
    ['a block scalar', '---\ntitle: >\n  Folded\n---\n', /cannot edit the title line "title: >"/],
    ['a broken quoted title', '---\ntitle: "open\n---\n', /cannot edit the title line/],
  ];
  for (const [name, text, message] of refused) test(`refuses ${name}`, () => assert.throws(() => editedRunbook(text), message));
});

describe('firstRunbook and withEditedRunbook, on a corpus on disk', () => {
  let root: string;
  const path = (relative: string) => join(root, 'runbooks', relative);
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'bench-edit-'));
    for (const [relative, text] of [
      ['payments/api-down.md', RUNBOOK],
      ['api-gateway/edge-proxy.md', RUNBOOK],
      ['api-gateway/README.txt', 'not a runbook'],
      ['api-gateway/aaa.yaml', 'not a runbook'],
    ] as const) {
      mkdirSync(join(path(relative), '..'), { recursive: true });
      writeFileSync(path(relative), text);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('the first runbook file by path, in any folder', () => assert.equal(firstRunbook(root), path('api-gateway/edge-proxy.md')));

  test('no runbook at all is an error', () => {
    const empty = mkdtempSync(join(tmpdir(), 'bench-edit-empty-'));
    try {
      mkdirSync(join(empty, 'runbooks'));
      assert.throws(() => firstRunbook(empty), /no runbook in .*runbooks to edit/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('the build sees the edit; the file reads as before afterwards', async () => {
    const seen = await withEditedRunbook(root, async () => readFileSync(path('api-gateway/edge-proxy.md'), 'utf8'));
    assert.equal(seen, editedRunbook(RUNBOOK));
    assert.equal(readFileSync(path('api-gateway/edge-proxy.md'), 'utf8'), RUNBOOK);
    assert.equal(readFileSync(path('payments/api-down.md'), 'utf8'), RUNBOOK, 'the other runbooks are left alone');
  });

  test('a failed build leaves the file as before too', async () => {
    await assert.rejects(
      withEditedRunbook(root, async () => {
        throw new Error('build failed');
      }),
      /build failed/,
    );
    assert.equal(readFileSync(path('api-gateway/edge-proxy.md'), 'utf8'), RUNBOOK);
  });
});
