import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkCodeFences, unclosedFence } from '../../../src/lib/checks/code-fences.ts';
import { formatProblem } from '../../../src/lib/errors.ts';
import { frontmatter, sourcePage } from '../../helpers/source-page.ts';

describe('unclosed code fences', () => {
  const cases: [string, string, string | undefined][] = [
    ['closed', '```bash\nls\n```', undefined],
    ['closed with a longer fence', '```bash\nls\n`````', undefined],
    ['closed with tildes', '~~~\nls\n~~~', undefined],
    ['in a block quote', '> ```\n> ls\n> ```', undefined],
    ['indented code has no fence', '    ls -la', undefined],
    ['never closed', '```bash\nls\n## Resolution', '```'],
    ['an opening fence alone at the end', '```', '```'],
    ['closed by a shorter fence is not closed', '````\nls\n```', '````'],
    ['closed by the other character is not closed', '~~~\nls\n```', '~~~'],
  ];
  for (const [name, source, expected] of cases) {
    test(name, () => assert.equal(unclosedFence(source), expected));
  }

  test('reported at the opening fence, with the file line', () => {
    const page = sourcePage('payments/api-down.md', `${frontmatter()}\n## Diagnosis\n\n\`\`\`bash\nkubectl get pods\n\n## Resolution\n`);
    assert.deepEqual(checkCodeFences([page]).map(formatProblem), [
      'content/runbooks/payments/api-down.md:13:1: code block opened with ``` is never closed: add a closing ```, or everything after it renders as code',
    ]);
  });
});
