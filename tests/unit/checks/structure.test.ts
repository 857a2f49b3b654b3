import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkStructure, SECTION_WORDS } from '../../../src/lib/checks/structure.ts';
import { formatProblemWithSeverity } from '../../../src/lib/errors.ts';
import { frontmatter, sourcePage } from '../../helpers/source-page.ts';

const run = (body: string, extra = '') => checkStructure([sourcePage('payments/api-down.md', `${frontmatter(extra)}\n${body}`)]).map(formatProblemWithSeverity);
const FILE = 'content/runbooks/payments/api-down.md';

describe('structure', () => {
  test('an incident with both sections and finished commands is fine', () => {
    assert.deepEqual(run('## Diagnosis\n\n```bash\nkubectl get pods\n```\n\n## Resolution\n\nRestart it.\n'), []);
  });

  test('an incident without a diagnosis or a resolution section', () => {
    assert.deepEqual(run('## Symptoms\n\nIt is slow.\n'), [
      `${FILE}:10:1: warning: incident runbook without a diagnosis section: add a "## Diagnosis" section`,
      `${FILE}:10:1: warning: incident runbook without a resolution section: add a "## Resolution" section`,
    ]);
  });

  test('procedures and reference pages need no such sections', () => {
    assert.deepEqual(run('## Steps\n\nDo it.\n', 'kind: procedure\n'), []);
  });

  test('only ## headings count: a ### Fix under Symptoms is not a resolution section', () => {
    assert.equal(run('## Diagnosis\n\n### Fix it\n').length, 1);
  });

  const headings: [string, keyof typeof SECTION_WORDS | undefined][] = [
    ['Diagnosis', 'diagnosis'],
    ['Investigate', 'diagnosis'],
    ['Triage', 'diagnosis'],
    ['Checks', 'diagnosis'],
    ['How to detect it', 'diagnosis'],
    ['Troubleshooting', 'diagnosis'],
    ['Root cause', 'diagnosis'],
    ['Resolution', 'resolution'],
    ['Mitigation', 'resolution'],
    ['Fix', 'resolution'],
    ['Recovery', 'resolution'],
    ['Restore service', 'resolution'],
    ['Roll back', 'resolution'],
    ['Immediate actions', 'resolution'],
    ['Symptoms', undefined],
    ['Impact', undefined],
    ['Verification', undefined],
  ];
  for (const [heading, section] of headings) {
    test(`"## ${heading}" is ${section ?? 'neither section'}`, () => {
      const found = Object.entries(SECTION_WORDS)
        .filter(([, words]) => words.test(heading))
        .map(([name]) => name);
      assert.deepEqual(found, section ? [section] : []);
    });
  }

  test('an empty code block, at its opening fence', () => {
    assert.deepEqual(run('## Diagnosis\n\n## Resolution\n\n```bash\n\n```\n'), [`${FILE}:15:1: warning: empty code block`]);
  });

  test('TODO and FIXME inside a code block, at their line and column', () => {
    assert.deepEqual(
      run('## Diagnosis\n\n## Resolution\n\n```bash\nkubectl get pods\n# TODO: command needed\nrestart # FIXME\n```\n\nTODO outside a block is prose.\n'),
      [
        `${FILE}:17:3: warning: TODO in a code block: finish the command, or move the note out of the block`,
        `${FILE}:18:11: warning: FIXME in a code block: finish the command, or move the note out of the block`,
      ],
    );
  });
});
