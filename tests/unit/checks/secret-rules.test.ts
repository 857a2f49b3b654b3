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
    ['{"text":"export PGPASSWORD=\\"hunter2\\""}', 'assignment', 30],
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
    '{"text":"export PGPASSWORD=\\"$DB_PASSWORD\\""}',
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

  describe('passwords given to common tools on the command line', () => {
    // [text, rule id, column where the secret starts]
    const found: [string, string, number][] = [
      ['mysql -u root -pS3cretPass mydb', 'mysql-password', 17],
      ['mysqldump -h db -uroot -p"S3cret" app > app.sql', 'mysql-password', 27],
      ["mariadb -u app -p'S3cret' -e 'select 1'", 'mysql-password', 19],
      ['curl -u admin:S3cret https://grafana/api/health', 'curl-user', 15],
      ['curl -fsS --user "admin:S3cret" https://grafana/api/health', 'curl-user', 25],
      ['curl -uadmin:S3cret https://x', 'curl-user', 14],
      ['sshpass -p S3cret ssh ops@bastion', 'sshpass-password', 12],
      ["sshpass -p'S3cret' ssh ops@bastion", 'sshpass-password', 12],
      ['redis-cli -h redis -a S3cret ping', 'redis-password', 23],
      ['redis-cli --pass S3cret ping', 'redis-password', 18],
      ['docker login -u ci -p S3cret registry.example.com', 'docker-login-password', 23],
      ['podman login registry.example.com -u ci -pS3cret', 'docker-login-password', 43],
      ['docker login --password S3cret registry.example.com', 'command-line-flag', 25],
      ['PGPASSWORD=S3cret psql -h db -U app', 'assignment', 12],
      ['MYSQL_PWD=S3cret mysql -u root', 'assignment', 11],
      ['mysql --password=S3cret -u root', 'assignment', 18],
      ['pg_dump --password=S3cret app', 'assignment', 20],
    ];
    for (const [text, id, column] of found) {
      test(`${id}: ${text}`, () => {
        assert.deepEqual(
          findSecrets(text).map((finding) => [finding.rule.id, finding.line, finding.column]),
          [[id, 1, column]],
        );
      });
    }

    const fine = [
      'mysql -u root -p{{db_password}} mydb',
      'mysql -u root -p"$DB_PASSWORD" mydb',
      'mysql -u root -p$DB_PASSWORD mydb',
      "mysql -u root -p'${DB_PASSWORD}' mydb",
      'mysql -u root -p mydb', // -p with a space prompts; mydb is the database
      'mysql -u root -p',
      'mysql -h db -P 3306 -u root -p',
      'mysqldump --single-transaction --port 3306 app',
      'psql -h db -p 5432 -U app', // psql's -p is the port
      'ssh -p 2222 ops@bastion',
      'curl -u "$GRAFANA_USER:$GRAFANA_PASSWORD" https://grafana/api/health',
      'curl -u {{grafana_user}}:{{grafana_password}} https://grafana/api/health',
      'curl -u admin https://grafana/api/health', // prompts for the password
      'curl -sS https://user@example.com/',
      'sshpass -e ssh ops@bastion',
      'sshpass -f ~/.pw ssh -p 22 ops@bastion',
      'sshpass -p "$SSHPASS" ssh ops@bastion',
      'redis-cli -h {{redis_host}} -a "$REDIS_PASSWORD" ping',
      'redis-cli -h {{redis_host}} ping',
      'redis-cli --askpass ping',
      'docker login -u ci --password-stdin registry.example.com',
      'echo "$TOKEN" | docker login -u ci --password-stdin ghcr.io',
      'docker login -u ci -p "$CI_REGISTRY_PASSWORD" registry.example.com',
      'docker logs -p 80 app',
      'export PGPASSWORD="$DB_PASSWORD"',
      'MYSQL_PWD={{db_password}} mysql -u root',
      'mysql --password={{db_password}} -u root',
    ];
    for (const text of fine) {
      test(`not a secret: ${text}`, () => assert.deepEqual(findSecrets(text), []));
    }
  });

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
