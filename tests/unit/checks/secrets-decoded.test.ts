import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkPublishedSecrets, checkSecrets } from '../../../src/lib/checks/secrets.ts';

/** `file:line:col rule-name` of each finding. */
const found = (file: string, text: string) =>
  checkSecrets([{ file, text }]).map(({ line, column, message }) => `${line}:${column} ${/\((.*?)\)/.exec(message)?.[1]}`);

const page = (frontmatter: string, body = 'Body.\n') => `---\ntitle: T\n${frontmatter}---\n\n${body}`;

describe('secrets written in escaped forms are found after decoding', () => {
  test('a YAML \\x escape in a double-quoted scalar: at the scalar', () => {
    assert.deepEqual(found('content/environments.yaml', 'production:\n  vars:\n    aws_key_id: "AKIA\\x49OSFODNN7EXAMPLE"\n'), ['3:17 AWS access key ID']);
  });

  test('a YAML \\u escape in frontmatter: at the scalar, in the lines of the file', () => {
    assert.deepEqual(found('content/runbooks/a/b.md', page('summary: "Use AKIA\\u0049OSFODNN7EXAMPLE"\n')), ['3:10 AWS access key ID']);
  });

  test('a key-value rule keeps its key: db_password: "hunt\\x65r2" is found once', () => {
    assert.deepEqual(found('content/environments.yaml', 'production:\n  vars:\n    db_password: "hunt\\x65r2"\n'), ['3:19 credential given a literal value']);
  });

  test('a string split over lines with an escaped line break', () => {
    assert.deepEqual(found('content/environments.yaml', 'production:\n  vars:\n    key: "AKIAIOSFOD\\\n      NN7EXAMPLE"\n'), ['3:10 AWS access key ID']);
  });

  test('a folded block scalar and a plain multi-line scalar', () => {
    assert.deepEqual(
      found('content/environments.yaml', 'production:\n  vars:\n    note: >-\n      curl -H "Authorization: Bearer\n      abcdef0123456789abcdef"\n'),
      ['3:11 literal bearer token'],
    );
    assert.deepEqual(found('content/environments.yaml', 'production:\n  vars:\n    note: export\n      PGPASSWORD=hunter2\n'), [
      '4:18 credential assigned a literal value',
    ]);
  });

  test('an HTML character reference in a Markdown paragraph: at the exact column when the text is as written', () => {
    assert.deepEqual(found('content/runbooks/a/b.md', page('', 'Key: AKIA&#73;OSFODNN7EXAMPLE\n')), ['5:1 AWS access key ID']);
    assert.deepEqual(found('content/runbooks/a/b.md', page('', 'Use **AKIA**IOSFODNN7EXAMPLE here.\n')), ['5:7 AWS access key ID']);
  });

  test('entities in raw HTML, in its attributes and in a link target', () => {
    assert.deepEqual(found('content/runbooks/a/b.md', page('', '<p>AKIA&#x49;OSFODNN7EXAMPLE</p>\n')), ['5:4 AWS access key ID']);
    assert.deepEqual(found('content/runbooks/a/b.md', page('', '<a href="https://hooks.slack.com/services/T0&#49;/B02/abcdefghijkl">x</a>\n')), [
      '5:10 Slack webhook URL',
    ]);
    assert.deepEqual(found('content/runbooks/a/b.md', page('', '[hook](https://hooks.slack.com/services/T0&#49;/B02/abcdefghijkl)\n')), [
      '5:1 Slack webhook URL',
    ]);
  });

  test('a key in a YAML flow mapping, a link title, a JSX attribute in MDX, a later YAML document', () => {
    assert.deepEqual(found('content/environments.yaml', 'production:\n  vars: {db_password: hunter2, namespace: x}\n'), [
      '2:23 credential given a literal value',
    ]);
    assert.deepEqual(found('content/runbooks/a/b.md', page('', '[x](https://example.com "token=&#115;3cr3t-value")\n')), [
      '5:1 credential assigned a literal value',
    ]);
    assert.deepEqual(found('content/runbooks/a/b.mdx', page('', '<a href="https://hooks.slack.com/services/T0&#49;ABC/B02/abcdefghijkl">x</a>\n')), [
      '5:10 Slack webhook URL',
    ]);
    assert.deepEqual(found('content/environments.yaml', 'a: 1\n---\nb: "AKIA\\x49OSFODNN7EXAMPLE"\n'), ['3:4 AWS access key ID']);
  });

  test('thousands of nested block quotes or brackets: no crash', () => {
    assert.deepEqual(found('content/runbooks/a/b.md', `${'> '.repeat(5000)}AKIA&#73;OSFODNN7EXAMPLE\n`), ['1:10001 AWS access key ID']);
    assert.deepEqual(found('content/environments.yaml', `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`), []);
  });

  test('a secret written plainly is reported once, at its column', () => {
    assert.deepEqual(found('content/runbooks/a/b.md', page('', 'Key: AKIAIOSFODNN7EXAMPLE &amp; more\n')), ['5:6 AWS access key ID']);
    assert.deepEqual(found('content/environments.yaml', 'production:\n  vars:\n    db_password: hunter2\n    other: "AKIAIOSFODNN7EXAMPLE"\n'), [
      '3:18 credential given a literal value',
      '4:13 AWS access key ID',
    ]);
    assert.deepEqual(found('content/runbooks/a/b.md', page('db_password: "hunt\\x65r2"\n')), ['3:15 credential given a literal value']);
  });

  test('two secrets in one scalar, one escaped: both', () => {
    assert.deepEqual(
      found('content/environments.yaml', 'x: "AKIAIOSFODNN7EXAMPLE AKIA\\x49OSFODNN7EXAMPLF"\n'),
      ['1:5 AWS access key ID', '1:4 AWS access key ID'].sort(),
    );
  });

  test('code is published as written: an entity there is not decoded, and placeholders stay fine', () => {
    assert.deepEqual(found('content/runbooks/a/b.md', page('', '```bash\necho AKIA&#73;OSFODNN7EXAMPLE\n```\n')), []);
    assert.deepEqual(
      found('content/runbooks/a/b.md', page('summary: "Use {{db_password}} \\u0026 $TOKEN"\n', 'Use &#123;&#123;db_password}} and `$TOKEN`.\n')),
      [],
    );
    assert.deepEqual(found('content/environments.yaml', 'production:\n  vars:\n    db_password: "{{db_password}}"\n    token_ttl: "3600"\n'), []);
  });

  test('YAML the parser rejects, and aliases, are left to the schema check', () => {
    assert.deepEqual(found('content/environments.yaml', 'a: [unclosed\n'), []);
    assert.deepEqual(found('content/environments.yaml', 'a: &x "AKIA\\x49OSFODNN7EXAMPLE"\nb: *x\nc: *x\n'), ['1:7 AWS access key ID']);
  });
});

describe('published HTML is read with an HTML parser', () => {
  const lines = (text: string) =>
    checkPublishedSecrets([{ file: 'dist/x/index.html', text }]).map(({ line, message }) => `${line} ${/\((.*?)\)/.exec(message)?.[1]}`);

  test('entities, attributes, comments and scripts', () => {
    assert.deepEqual(lines('<!doctype html>\n<p>AKIA&#73;OSFODNN7EXAMPLE</p>'), ['2 AWS access key ID']);
    assert.deepEqual(lines('<html>\n<body>\n<a href="postgres://admin:hunt&#x65;r2@db/app">db</a>'), ['3 password in a connection URL']);
    assert.deepEqual(lines('<html>\n<!-- token=s3cr3t-value -->\n'), ['2 credential assigned a literal value']);
    assert.deepEqual(lines('<html>\n<script type="application/json">{"db_password":"hunter2"}</script>'), ['2 credential given a literal value']);
  });

  test('text of separate blocks does not run together; the chrome of a page is not a secret', () => {
    assert.deepEqual(lines('<p>AKIAIOSFOD</p><p>NN7EXAMPLE</p>'), []);
    assert.deepEqual(lines('<button aria-label="Copy token">Copy</button><input name="password" type="password">'), []);
  });

  test('a PDF text names the page', () => {
    const problems = checkPublishedSecrets([{ file: 'dist/runbooks.pdf', text: 'Title\n\fPage two\nmysql -u root -pS3cret\n\f' }]);
    assert.deepEqual(
      problems.map(({ file, line, field }) => [file, line, field]),
      [['dist/runbooks.pdf', undefined, 'page 2']],
    );
  });
});
