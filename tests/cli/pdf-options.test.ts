import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePdfArgs, pdfTargets } from '../../src/cli/pdf-options.ts';
import { UsageError } from '../../src/cli/shared.ts';
import { pdfFileName } from '../../src/lib/web/urls.ts';

describe('npm run pdf arguments', () => {
  const valid: [string[], string | undefined][] = [
    [[], undefined],
    [['--env', 'production'], 'production'],
    [['--env=staging'], 'staging'],
    [['--env', 'all'], 'all'],
  ];
  for (const [argv, env] of valid) {
    test(`${JSON.stringify(argv)} → ${env}`, () => assert.deepEqual(parsePdfArgs(argv), { env, help: false }));
  }

  const invalid: [string[], RegExp][] = [
    [['--env'], /argument missing/],
    [['--out', 'x'], /Unknown option '--out'/],
    [['production'], /Unexpected argument 'production'/],
    [['--env', '../prod'], /--env needs an environment id or "all", got "..\/prod"/],
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
  const ids = ['production', 'staging'];
  test('default, one environment, or all of them after the default', () => {
    assert.deepEqual(pdfTargets(undefined, ids), [undefined]);
    assert.deepEqual(pdfTargets('staging', ids), ['staging']);
    assert.deepEqual(pdfTargets('all', ids), [undefined, 'production', 'staging']);
  });

  test('an environment the build does not know names the ones it does', () => {
    assert.throws(() => pdfTargets('prod', ids), { message: 'unknown environment "prod": expected one of production, staging, all' });
  });

  test('file names', () => {
    assert.equal(pdfFileName(), 'runbooks.pdf');
    assert.equal(pdfFileName('production'), 'runbooks-production.pdf');
  });
});
