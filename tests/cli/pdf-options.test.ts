import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePdfArgs, pdfTargets } from '../../src/cli/pdf-options.ts';
import { UsageError } from '../../src/cli/shared.ts';
import { pdfFileName } from '../../src/lib/web/urls.ts';

describe('npm run pdf arguments', () => {
  const valid: [string[], string | undefined, string[]][] = [
    [[], undefined, []],
    [['--env', 'production'], 'production', []],
    [['--env=staging'], 'staging', []],
    [['--env', 'all'], 'all', []],
    [['--service', 'payments'], undefined, ['payments']],
    [['--service', 'payments', '--service=search', '--env', 'all'], 'all', ['payments', 'search']],
    [['--service', 'all'], undefined, ['all']],
  ];
  for (const [argv, env, services] of valid) {
    test(`${JSON.stringify(argv)} → ${env}, ${JSON.stringify(services)}`, () => assert.deepEqual(parsePdfArgs(argv), { env, services, help: false }));
  }

  const invalid: [string[], RegExp][] = [
    [['--env'], /argument missing/],
    [['--out', 'x'], /Unknown option '--out'/],
    [['production'], /Unexpected argument 'production'/],
    [['--env', '../prod'], /--env needs an environment id or "all", got "..\/prod"/],
    [['--service'], /argument missing/],
    // A service names a folder of the build: nothing that could leave it.
    [['--service', '../etc'], /--service needs a service id or "all", got "..\/etc"/],
    [['--service', 'a/b'], /--service needs a service id or "all", got "a\/b"/],
  ];
  for (const [argv, message] of invalid) {
    test(`${JSON.stringify(argv)} is a usage error`, () => {
      assert.throws(
        () => parsePdfArgs(argv),
        (error: unknown) => error instanceof UsageError && message.test(error.message),
      );
    });
  }
});

describe('which books to print', () => {
  const known = { environments: ['production', 'staging'], services: ['payments', 'search'] };
  const books = (env: string | undefined, services: string[] = []) => pdfTargets({ env, services }, known);
  test('the whole book: default, one environment, or all of them after the default', () => {
    assert.deepEqual(books(undefined), [{ service: undefined, env: undefined }]);
    assert.deepEqual(books('staging'), [{ service: undefined, env: 'staging' }]);
    assert.deepEqual(
      books('all').map((target) => target.env),
      [undefined, 'production', 'staging'],
    );
  });

  test("teams' books instead of the whole book, each in every environment asked for", () => {
    assert.deepEqual(books('production', ['search']), [{ service: 'search', env: 'production' }]);
    assert.deepEqual(books(undefined, ['search', 'payments', 'search']), [
      { service: 'search', env: undefined },
      { service: 'payments', env: undefined },
    ]);
    assert.deepEqual(
      books('all', ['all']).map(({ service, env }) => `${service}:${env ?? ''}`),
      ['payments:', 'payments:production', 'payments:staging', 'search:', 'search:production', 'search:staging'],
    );
  });

  test('an environment or service the build does not know names the ones it does', () => {
    assert.throws(() => books('prod'), { message: 'unknown environment "prod": expected one of production, staging, all' });
    assert.throws(() => books(undefined, ['payment']), { message: 'unknown service "payment": expected one of payments, search, all' });
  });

  test('file names', () => {
    assert.equal(pdfFileName(), 'runbooks.pdf');
    assert.equal(pdfFileName('production'), 'runbooks-production.pdf');
    assert.equal(pdfFileName('production', 'payments'), 'services/payments/runbooks-production.pdf');
  });
});
