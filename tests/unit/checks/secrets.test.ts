import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkPublishedSecrets, checkSecrets, htmlText } from '../../../src/lib/checks/secrets.ts';
import { formatProblemWithSeverity } from '../../../src/lib/errors.ts';

describe('secrets in content and in the built site', () => {
  test('content: an error at the secret, whatever the file', () => {
    const problems = checkSecrets([
      { file: 'content/runbooks/db/a.md', text: '```bash\npsql postgres://admin:hunter2@db/app\n```\n' },
      {
        file: 'content/environments.yaml',
        text: 'production:\n  label: Production\n  vars:\n    db_password: "{{db_password}}"\n    api_token: s3cr3t-value\n',
      },
    ]);
    assert.deepEqual(problems.map(formatProblemWithSeverity), [
      'content/runbooks/db/a.md:2:23: error: possible secret (password in a connection URL): write a {{placeholder}} or a shell variable such as $TOKEN instead, and rotate it if it was real',
      'content/environments.yaml:5:16: error: possible secret (credential given a literal value): write a {{placeholder}} or a shell variable such as $TOKEN instead, and rotate it if it was real',
    ]);
  });

  test('HTML is read as text: a secret split into highlighter spans and entities is still found', () => {
    const html =
      '<pre><code><span class="line"><span>psql</span><span> postgres://admin:</span><span>hunter2</span><span>@db/app &amp;&amp; echo</span></span></code></pre>';
    assert.equal(htmlText(html), '\npsql postgres://admin:hunter2@db/app && echo\n');
    assert.deepEqual(checkPublishedSecrets([{ file: 'dist/runbooks/db/a/index.html', text: `<!doctype html>\n${html}` }]).map(formatProblemWithSeverity), [
      'dist/runbooks/db/a/index.html:2: error: published secret (password in a connection URL): remove it from the content, rebuild, and rotate it',
    ]);
  });

  test('a finding in HTML names the line of the file, after a tag spanning lines', () => {
    const html = '<!doctype html>\n<a\n href="/x">a</a>\n<p>AKIA&#x49;OSFODNN7EXAMPLE</p>';
    assert.deepEqual(checkPublishedSecrets([{ file: 'dist/a.html', text: html }]).map(formatProblemWithSeverity), [
      'dist/a.html:4: error: published secret (AWS access key ID): remove it from the content, rebuild, and rotate it',
    ]);
  });

  test('JSON is read as it is', () => {
    const problems = checkPublishedSecrets([{ file: 'dist/alerts.json', text: '{\n  "webhook": "https://hooks.slack.com/services/T01/B02/abcdefghijkl"\n}' }]);
    assert.deepEqual(problems.map(formatProblemWithSeverity), [
      'dist/alerts.json:2:48: error: published secret (Slack webhook URL): remove it from the content, rebuild, and rotate it',
    ]);
  });
});
