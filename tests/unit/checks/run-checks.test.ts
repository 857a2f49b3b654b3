import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkContent, sortProblems } from '../../../src/lib/checks/run-checks.ts';
import { DEFAULT_SEVERITY_DATA } from '../../../src/lib/content/schemas/severity.ts';
import type { ContentProblem } from '../../../src/lib/errors.ts';
import { sourcePage } from '../../helpers/source-page.ts';

describe('all checks together', () => {
  test('sorted by file, then line, then column; problems without a line first', () => {
    const at = (file: string, line?: number, column?: number): ContentProblem => ({ severity: 'error', file, line, column, message: `${line}:${column}` });
    const sorted = sortProblems([at('b.md', 1, 1), at('a.md', 10, 2), at('a.md', 2, 30), at('a.md'), at('a.md', 10, 1)]);
    assert.deepEqual(
      sorted.map((problem) => `${problem.file} ${problem.message}`),
      ['a.md undefined:undefined', 'a.md 2:30', 'a.md 10:1', 'a.md 10:2', 'b.md 1:1'],
    );
  });

  test('an empty file gets one problem, not one per missing field', () => {
    const empty = sourcePage('payments/empty.md', '\n');
    const content = {
      pages: [empty],
      environments: undefined,
      severity: DEFAULT_SEVERITY_DATA,
      services: {},
      problems: [{ severity: 'error' as const, file: empty.file, field: 'title', message: 'expected a title' }],
    };
    const problems = checkContent({
      content,
      files: [{ file: empty.file, slug: empty.slug, bytes: new TextEncoder().encode('\n') }],
      dataFiles: [],
      review: { today: new Date('2026-11-28') },
    });
    assert.deepEqual(
      problems.map((problem) => problem.message),
      ['empty file: a runbook needs frontmatter (title, summary, service …) and a body'],
    );
  });
});
