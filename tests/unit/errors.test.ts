import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { environmentsSchema } from '../../src/lib/content/schemas/environments.ts';
import { type ContentProblem, fieldPosition, formatProblem, formatProblemWithSeverity, problemsFromIssues } from '../../src/lib/errors.ts';

describe('content problems', () => {
  const problem: ContentProblem = {
    severity: 'warning',
    file: 'content/runbooks/db/a.md',
    line: 9,
    column: 16,
    field: 'last_reviewed',
    message: 'review overdue',
  };

  test('the build format and the check format', () => {
    assert.equal(formatProblem(problem), 'content/runbooks/db/a.md:9:16: last_reviewed: review overdue');
    assert.equal(formatProblemWithSeverity(problem), 'content/runbooks/db/a.md:9:16: warning: last_reviewed: review overdue');
    assert.equal(
      formatProblemWithSeverity({ severity: 'error', file: 'content/runbooks', message: 'no runbooks folder' }),
      'content/runbooks: error: no runbooks folder',
    );
  });

  const yaml = 'title: A\nalerts:\n  - One\n  - Two\nrelated: [db/b, db/c]\nempty:\n';
  const positions: [(string | number)[], { line: number; column: number } | undefined][] = [
    [['title'], { line: 2, column: 8 }],
    [['alerts', 1], { line: 5, column: 5 }],
    [['related', 1], { line: 6, column: 17 }],
    // A key with no value: where the value goes.
    [['empty'], { line: 7, column: 7 }],
    [['missing'], { line: 2, column: 1 }],
  ];
  for (const [path, expected] of positions) {
    test(`position of ${path.join('.')} in frontmatter starting on line 2`, () => assert.deepEqual(fieldPosition(yaml, path, 2), expected));
  }

  test('a bad record key: the schema message and the line of the key, not zod\'s "Invalid key in record"', () => {
    const text = 'production:\n  label: Production\n"prod eu":\n  label: EU\n';
    const result = environmentsSchema.safeParse({ production: { label: 'Production' }, 'prod eu': { label: 'EU' } });
    assert.ok(!result.success);
    assert.deepEqual(problemsFromIssues(result.error.issues, text, 'content/environments.yaml').map(formatProblem), [
      'content/environments.yaml:3:1: prod eu: expected an environment id of a-z, 0-9, - and _, got "prod eu"',
    ]);
  });
});
