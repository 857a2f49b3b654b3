import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { identity } from '../../src/lib/snippets/mapped-text.ts';
import type { Snippet, SnippetParser } from '../../src/lib/snippets/snippet.ts';
import { snippetFaults } from '../../src/node/snippet-parsers.ts';

const snippet = (parser: SnippetParser, text: string): Snippet => ({
  file: 'x.md',
  language: parser,
  parser,
  source: identity(text),
  code: text,
  line: 1,
  column: 1,
});
const faults = (parser: SnippetParser, texts: string[]) => snippetFaults(texts.map((text) => snippet(parser, text)));

describe('the real parsers', () => {
  test('shell: many blocks are parsed together, yet each is judged alone', async () => {
    // Each block is broken on its own, but two of them together would parse: the quote opened in one closes in
    // the next, the here-document runs on into the next block, a `\` joins the next block's line.
    const texts = ['echo "one', 'two"', 'cat <<EOF\nbody', 'EOF', 'echo a \\', 'echo fine', '}', '', '# only a comment', 'echo ok; }'];
    const found = await faults('shell', texts);
    assert.deepEqual(
      found.map((fault) => fault?.message),
      [
        'reached EOF without closing quote `"`',
        'reached EOF without closing quote `"`',
        'unclosed here-document `EOF`',
        undefined,
        undefined,
        undefined,
        '`}` can only be used to close a block',
        undefined,
        undefined,
        '`}` can only be used to close a block',
      ],
    );
  });

  test('shell: positions count characters, not UTF-8 bytes', async () => {
    const [fault] = await faults('shell', ['echo "Köln" ; echo "Zürich']);
    assert.deepEqual(fault, { index: 19, message: 'reached EOF without closing quote `"`' });
  });

  test('shell: a thousand valid blocks and one broken one', async () => {
    const texts = Array.from({ length: 1000 }, (_, index) => `kubectl -n ns${index} get pods | grep -c Running`);
    texts[617] = 'kubectl get pods | | wc -l';
    const found = await faults('shell', texts);
    assert.deepEqual(
      found.flatMap((fault, index) => (fault ? [index] : [])),
      [617],
    );
  });

  test('SQL: PostgreSQL’s parser, with the position of its cursor', async () => {
    assert.deepEqual(await faults('sql', ['SELECT 1;', 'SELEC pid FROM pg_stat_activity', "SELECT 'Köln', 'x"]), [
      undefined,
      { index: 0, message: 'syntax error at or near "SELEC"' },
      { index: 15, message: `unterminated quoted string at or near "'x"` },
    ]);
  });

  test('results are kept by text: the same text again is not parsed again', async () => {
    const text = `echo "${Math.random()}`;
    const [first] = await faults('shell', [text]);
    const [again] = await faults('shell', [text]);
    assert.equal(again, first);
  });
});
