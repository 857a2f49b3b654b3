import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findSecrets, isLiteral, SECRET_RULES } from '../../../src/lib/checks/secret-rules.ts';

describe('secret rules', () => {
  // [text, rule id, column where the secret starts]
  const secrets: [string, string, number][] = [
    ['aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE', 'aws-access-key', 37],
    ['AWS_ACCESS_KEY_ID=ASIAY34FZKBOKMUTVV7A aws s3 ls', 'aws-access-key', 19],
    ['-----BEGIN RSA PRIVATE KEY-----', 'private-key', 1],
    ['-----BEGIN OPENSSH PRIVATE KEY-----', 'private-key', 1],
    ['-----BEGIN PGP PRIVATE KEY BLOCK-----', 'private-key', 1],
    ['psql postgres://admin:hunter2@db:5432/app', 'url-credentials', 23],
    ['mongodb+srv://app:S3cr3t!@cluster0.example.net/db', 'url-credentials', 19],
    ['redis-cli -u redis://:s3cret@redis:6379', 'url-credentials', 23],
    ['export PGPASSWORD=hunter2', 'assignment', 19],
    ['mysql --password=hunter2 -u root', 'assignment', 18],
    ['curl "https://api.example.com/v1/x?api_key=abc123&x=1"', 'assignment', 44],
    ['kubectl create secret generic db --from-literal=password=hunter2', 'assignment', 58],
    ['SECRET_KEY = "django-insecure-abc"', 'assignment', 15],
    ['db_password: hunter2', 'yaml-json-key', 14],
    ['  - client_secret: "abc"', 'yaml-json-key', 21],
    ['{"password": "hunter2"}', 'yaml-json-key', 15],
    ['mysql --password hunter2', 'command-line-flag', 18],
    ['vault login --token s.abcdef', 'command-line-flag', 21],
    ['curl -H "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc" https://x', 'authorization-header', 32],
    ['curl -H "Authorization: Basic dXNlcjpwYXNzd29yZDEyMw==" https://x', 'authorization-header', 31],
    ['curl -X POST https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXX', 'slack-webhook', 47],
    ['SLACK_TOKEN=xoxb-1234-5678-abcdefghij', 'slack-token', 13],
    ['https://discord.com/api/webhooks/123456/abcDEF', 'discord-webhook', 34],
    ['https://contoso.webhook.office.com/webhookb2/abc-123@def/IncomingWebhook/xyz', 'teams-webhook', 46],
    ['https://prod-01.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=AbCdEf123456', 'teams-workflow', 105],
    ['git clone https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/o/r', 'github-token', 19],
    ['"routing_key": "0123456789abcdef0123456789abcdef"', 'pagerduty-key', 17],
    ['pd-send -k 0123456789abcdef0123456789abcdef  # PagerDuty integration key', 'pagerduty-key', 12],
  ];
  for (const [text, id, column] of secrets) {
    test(`${id}: ${text}`, () => {
      assert.deepEqual(
        findSecrets(text).map((finding) => [finding.rule.id, finding.line, finding.column]),
        [[id, 1, column]],
      );
    });
  }

  const fine = [
    'psql postgresql://{{db_user}}:{{db_password}}@{{db_host}}:5432/app',
    'redis-cli -u redis://:${REDIS_PASSWORD}@redis:6379',
    'export PGPASSWORD=$DB_PASS',
    'export PGPASSWORD="$(vault kv get -field=password secret/db)"',
    'mysql --password="$MYSQL_PASSWORD"',
    'curl -H "Authorization: Bearer $TOKEN" https://x',
    'curl -H "Authorization: Bearer {{api_token}}" https://x',
    'curl -H "Authorization: Bearer <token>" https://x',
    'curl "https://api.example.com/v1/x?api_key={{api_key}}"',
    '"routing_key": "{{routing_key}}"',
    'db_password: "{{db_password}}"',
    'password: ********',
    'token_expiry=3600 max_tokens=100 cd $(pwd) PWD=/home/x',
    'Rotate the token: run the command below.',
    'Use a bearer token from the secrets store.',
    'git log 0123456789abcdef0123456789abcdef01234567',
    'md5sum says 0123456789abcdef0123456789abcdef',
    'https://hooks.slack.com/services/{{slack_webhook_path}}',
    'echo $JWT_SECRET | wc -c',
    'psql "postgres://app@db:5432/app"',
  ];
  for (const text of fine) {
    test(`not a secret: ${text}`, () => assert.deepEqual(findSecrets(text), []));
  }

  test('a finding names its line and the column of the secret, not of the rule', () => {
    const text = 'Connect:\n\n```bash\npsql postgres://admin:hunter2@db/app\n```\n';
    assert.deepEqual(
      findSecrets(text).map(({ line, column }) => [line, column]),
      [[4, 23]],
    );
  });

  test('two rules on the same secret report it once', () => {
    assert.equal(findSecrets('export DATABASE_PASSWORD=hunter2').length, 1);
  });

  test('placeholders, shell variables, angle placeholders and masks are not literals', () => {
    assert.deepEqual(
      ['{{db_password}}', '$TOKEN', '${DB_PASS}', '$(vault read x)', '<password>', '****', 'xxxx', 'hunter2', 'AKIAIOSFODNN7EXAMPLE'].map(isLiteral),
      [false, false, false, false, false, false, false, true, true],
    );
  });

  test('every rule has an id of its own and a `secret` group', () => {
    assert.equal(new Set(SECRET_RULES.map((rule) => rule.id)).size, SECRET_RULES.length);
    for (const rule of SECRET_RULES) assert.match(rule.pattern.source, /\(\?<secret>/, rule.id);
  });
});
