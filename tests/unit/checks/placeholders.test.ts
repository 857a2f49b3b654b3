import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkPlaceholders } from '../../../src/lib/checks/placeholders.ts';
import { environmentsSchema } from '../../../src/lib/content/schemas/environments.ts';
import { formatProblem } from '../../../src/lib/errors.ts';
import { frontmatter, sourcePage } from '../../helpers/source-page.ts';

const environments = environmentsSchema.parse({
  production: { label: 'Production', vars: { namespace: 'payments' }, services: { payments: { db_host: 'db' }, ledger: { ledger_url: 'x' } } },
});
const run = (command: string, extra = '') =>
  checkPlaceholders([sourcePage('payments/api-down.md', `${frontmatter(extra)}\n\`\`\`bash\n${command}\n\`\`\`\n`)], environments).map(formatProblem);
const FILE = 'content/runbooks/payments/api-down.md';

describe('placeholders', () => {
  const cases: [string, string, string, string[]][] = [
    ['environment vars and service values are known', 'psql -h {{db_host}} -n {{namespace}}', '', []],
    ['declared reader inputs are known', 'kubectl logs {{pod_name}}', 'inputs: [pod_name]\n', []],
    ['Go templates are not placeholders', "kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{end}}'", '', []],
    [
      'a typo',
      'kubectl get pods -n {{namspace}}',
      '',
      [`${FILE}:12:21: unknown placeholder {{namspace}}: not defined in environments.yaml for this service nor declared in \`inputs\``],
    ],
    [
      'an undeclared reader input',
      'kubectl logs {{pod_name}}',
      '',
      [`${FILE}:12:14: unknown placeholder {{pod_name}}: not defined in environments.yaml for this service nor declared in \`inputs\``],
    ],
    [
      'a value of another service',
      'curl {{ledger_url}}',
      '',
      [`${FILE}:12:6: unknown placeholder {{ledger_url}}: not defined in environments.yaml for this service nor declared in \`inputs\``],
    ],
  ];
  for (const [name, command, extra, expected] of cases) {
    test(name, () => assert.deepEqual(run(command, extra), expected));
  }

  test('nothing is reported when environments.yaml itself is invalid: its own problems are', () => {
    assert.deepEqual(checkPlaceholders([sourcePage('payments/api-down.md', `${frontmatter()}\n\`\`\`\n{{x}}\n\`\`\`\n`)], undefined), []);
  });
});
