import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expressionProblem } from '../../../src/lib/checks/mdx-code.ts';
import { checkMdxSyntax } from '../../../src/lib/checks/mdx-syntax.ts';
import { formatProblem } from '../../../src/lib/errors.ts';
import { frontmatter, sourcePage } from '../../helpers/source-page.ts';

const run = (body: string) => checkMdxSyntax([sourcePage('payments/api-down.mdx', `${frontmatter()}\n${body}`)]).map(formatProblem);
const FILE = 'content/runbooks/payments/api-down.mdx';
const CODE =
  'is code, and MDX would run it when the site is built: an expression may only be a literal or a frontmatter field; write the value itself, or {frontmatter.field}; to show braces write them in backticks or escape them \\{';

describe('MDX expressions: only literals and frontmatter fields', () => {
  const allowed = [
    '',
    '   ',
    '/* a note */',
    '// a note\n',
    "'literal'",
    '"literal"',
    '42',
    'true',
    'null',
    '`a template`',
    'frontmatter.title',
    "frontmatter['service']",
    'frontmatter.sla.response',
    'frontmatter.sla?.response',
    'frontmatter.alerts[0]',
    '(frontmatter.title)',
  ];
  for (const value of allowed) test(`{${value}} is content`, () => assert.equal(expressionProblem(value), undefined));

  const refused = [
    'process.env.AWS_SECRET_ACCESS_KEY',
    "(await import('node:fs')).readFileSync('/etc/hostname', 'utf8')",
    "import('node:fs')",
    'globalThis',
    'title',
    'frontmatter',
    'frontmatter.title.toUpperCase()',
    // What every object inherits is not a field: `frontmatter.constructor` is Object, a step to Function.
    'frontmatter.constructor',
    "frontmatter['__proto__']",
    'frontmatter.title.constructor',
    'frontmatter[process.env.KEY]',
    'frontmatter[key]',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the expression under test is a template with a substitution
    '`${process.env.HOME}`',
    "'a' + 'b'",
    '-1',
    '[1, 2]',
    '{ a: 1 }',
    '() => 1',
    "'a'; process.exit(1)",
    'fetch`https://evil.example`',
    'new Function("return 1")()',
    'eval("1")',
    'x = 1',
    'frontmatter.title = 1',
    '{',
  ];
  for (const value of refused) test(`{${value}} is code`, () => assert.match(expressionProblem(value) ?? '', / is code, /));
});

describe('MDX code in a page', () => {
  test('import and export: each statement at its line', () => {
    assert.deepEqual(run("import fs from 'node:fs'\nexport const x = 1\n\nText.\n"), [
      `${FILE}:11:1: \`import\` in MDX runs code when the site is built, and the site provides no components: remove it and write the text itself, in Markdown or allowed HTML; a value of the page is {frontmatter.field}`,
      `${FILE}:12:1: \`export\` in MDX runs code when the site is built, and the site provides no components: remove it and write the text itself, in Markdown or allowed HTML; a value of the page is {frontmatter.field}`,
    ]);
  });

  test('an expression in text and one in its own paragraph', () => {
    assert.deepEqual(run('Token: {process.env.TOKEN}.\n\n{globalThis.process}\n'), [
      `${FILE}:11:8: {process.env.TOKEN} ${CODE}`,
      `${FILE}:13:1: {globalThis.process} ${CODE}`,
    ]);
  });

  test('a long expression is quoted short, on one line', () => {
    assert.deepEqual(run("{(await import('node:child_process')).execSync(\n  'cat /etc/passwd'\n).toString()}\n"), [
      `${FILE}:11:1: {(await import('node:child_process')).ex…} ${CODE}`,
    ]);
  });

  test('frontmatter, literals and comments pass; a {{placeholder}} is reported once, as such', () => {
    assert.deepEqual(run("{/* note */}\nThis is {frontmatter.title} of {frontmatter['service']}{'.'}\n"), []);
    assert.deepEqual(run('Pods run in {{namespace}}.\n'), [
      `${FILE}:11:13: {{namespace}} in MDX prose is a JavaScript expression, not a placeholder: write it in backticks, \`{{namespace}}\`, or escape both braces, \\{\\{namespace}}`,
    ]);
  });

  test('JSX: elements and attributes outside the allow-list, at the attribute', () => {
    assert.deepEqual(
      run(
        [
          '<details open>\n<summary className="x" title={frontmatter.title}>More</summary>\nText <kbd>Ctrl</kbd><br />\n</details>\n',
          '<script>{"alert(1)"}</script>\n',
          '<div class="note" onClick={() => 1}>\nText.\n</div>\n',
          '<div {...props}>\nText.\n</div>\n',
          '<img src="x.png" alt="" style={{ color: "red" }} />\n',
          '<a href="JavaScript:alert(1)">x</a> <a href={"javascript:alert(2)"}>y</a> <a href={frontmatter.summary}>z</a>\n',
          '<Alert type="x">Text.</Alert>\n',
          '<>A fragment</>\n',
        ].join('\n'),
      ),
      [
        `${FILE}:16:1: <script> is not allowed in runbook content: pages run no scripts of their own; show code in a fenced code block`,
        `${FILE}:18:19: onClick on <div> is not allowed: pages run no scripts of their own; remove the attribute`,
        `${FILE}:22:6: {...props} spreads attributes from code onto <div>: write each attribute with its value, such as title="…"`,
        `${FILE}:26:25: style on <img> is not allowed: content cannot restyle the page; remove the attribute (use Markdown emphasis, or a class)`,
        `${FILE}:28:4: javascript: URL in href of <a> is not allowed (allowed: http:, https:, mailto:, tel: and relative URLs): link to a relative path, #anchor or an address with one of those schemes`,
        `${FILE}:28:40: javascript: URL in href of <a> is not allowed (allowed: http:, https:, mailto:, tel: and relative URLs): link to a relative path, #anchor or an address with one of those schemes`,
        `${FILE}:28:78: href={frontmatter.summary} on <a>: write the address itself, href="https://…", so that it can be checked`,
        `${FILE}:30:1: <Alert> is an MDX component, and the site provides none: write Markdown, or one of the allowed HTML elements (SECURITY.md)`,
      ],
    );
  });
});
