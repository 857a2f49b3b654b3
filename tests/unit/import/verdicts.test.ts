import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PlannedPage } from '../../../src/lib/import/plan.ts';
import { judge, newJudgement, problemInSource } from '../../../src/lib/import/verdicts.ts';

describe('verdicts of the check on staged pages', () => {
  test('errors that go away without the snippet check were snippet errors; any other error refuses the page', () => {
    const judgement = newJudgement();
    // First check: both pages have errors. Both are tried without their snippet check.
    assert.equal(
      judge(
        judgement,
        new Map([
          ['a.md', ['a.md:9:3: bash: syntax error']],
          ['b.md', ['b.md:4:1: <script> is not allowed']],
        ]),
      ),
      true,
    );
    assert.deepEqual([...judgement.trial], ['a.md', 'b.md']);
    // Second check: a.md is clean (its errors were its snippets'); b.md still has its error: refused.
    assert.equal(judge(judgement, new Map([['b.md', ['b.md:4:1: <script> is not allowed']]])), true);
    assert.deepEqual([...judgement.uncheckedSnippets], [['a.md', 'a.md:9:3: bash: syntax error']]);
    assert.deepEqual([...judgement.refused], [['b.md', ['b.md:4:1: <script> is not allowed']]]);
    // Third check: clean. The plan stands.
    assert.equal(judge(judgement, new Map()), false);
    assert.deepEqual([...judgement.trial], []);
    // A page already without its snippet check that fails later (a link to a refused page) is refused.
    assert.equal(judge(judgement, new Map([['a.md', ['a.md:2:1: broken link to b.md']]])), true);
    assert.deepEqual([...judgement.uncheckedSnippets], []);
    assert.deepEqual(judgement.refused.get('a.md'), ['a.md:2:1: broken link to b.md']);
  });

  test("a staged page's problem is told at the old page's line", () => {
    const frontMatter = '---\ntitle: T\nsummary: S\nservice: s\n---\n';
    const page = { source: 'k/A.md', text: `${frontMatter}\nBody.\n`, bodyStart: frontMatter.length, sourceBodyLine: 4, edits: [] } as unknown as PlannedPage;
    // The staged body starts on line 6, the old one on line 4.
    assert.equal(problemInSource(page, 'old', { severity: 'error', file: 'x', line: 9, column: 3, message: 'bash: oops' }), 'old/k/A.md:7:3: bash: oops');
    assert.equal(
      problemInSource(page, 'old', { severity: 'error', file: 'x', line: 2, column: 8, field: 'title', message: 'bad' }),
      'old/k/A.md: the new frontmatter: title: bad',
    );
    assert.equal(problemInSource(page, 'old', { severity: 'error', file: 'x', message: 'the name holds "#"' }), 'old/k/A.md: the name holds "#"');
  });
});
