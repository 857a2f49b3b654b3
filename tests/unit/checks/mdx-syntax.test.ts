import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkMdxSyntax } from '../../../src/lib/checks/mdx-syntax.ts';
import { formatProblem } from '../../../src/lib/errors.ts';
import { frontmatter, sourcePage } from '../../helpers/source-page.ts';

const run = (body: string, path = 'payments/api-down.mdx') => checkMdxSyntax([sourcePage(path, `${frontmatter()}\n${body}`)]).map(formatProblem);
const FILE = 'content/runbooks/payments/api-down.mdx';

describe('MDX syntax', () => {
  const cases: [string, string, string[]][] = [
    [
      'valid MDX with JSX, a comment and code',
      '<div class="note">\nPage the team.\n</div>\n\n{/* a comment */}\n\n```bash\nkubectl -n {{namespace}} get pods\n```\n',
      [],
    ],
    ['placeholders in inline code and escaped braces', 'Pods run in `{{namespace}}` and \\{\\{namespace}}.\n', []],
    ['an unclosed tag', 'Text.\n\n<div class="note">\nPage the team.\n', [`${FILE}:13:1: MDX syntax error: Expected a closing tag for \`<div>\` (13:1)`]],
    [
      'an unclosed expression',
      'Text {oops\n',
      [`${FILE}:11:6: MDX syntax error: Unexpected end of file in expression, expected a corresponding closing brace for \`{\``],
    ],
    [
      'a placeholder in prose',
      'Pods run in {{namespace}}.\n',
      [
        `${FILE}:11:13: {{namespace}} in MDX prose is a JavaScript expression, not a placeholder: write it in backticks, \`{{namespace}}\`, or escape both braces, \\{\\{namespace}}`,
      ],
    ],
    [
      'a placeholder escaped on one brace only',
      'Pods run in \\{{namespace}}.\n',
      [
        `${FILE}:11:15: {{namespace}} in MDX prose is a JavaScript expression, not a placeholder: write it in backticks, \`{{namespace}}\`, or escape both braces, \\{\\{namespace}}`,
      ],
    ],
  ];
  for (const [name, body, expected] of cases) {
    test(name, () => assert.deepEqual(run(body), expected));
  }

  test('.md pages are not MDX: braces and tags are text there', () => {
    assert.deepEqual(run('Pods run in {{namespace}} <div>\n', 'payments/api-down.md'), []);
  });
});
