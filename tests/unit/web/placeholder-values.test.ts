import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { environmentNames, environmentValues, valuesByService } from '../../../src/lib/commands/environment-values.ts';
import { fillPlaceholders } from '../../../src/lib/commands/placeholders.ts';
import type { Environments } from '../../../src/lib/content/schemas/environments.ts';
import { bookEnvironment } from '../../../src/lib/web/book-environment.ts';
import { ownValue } from '../../../src/lib/web/placeholder-values.ts';

/** Names an author may give a placeholder, an input, a service or an environment, which every JavaScript object has. */
const INHERITED = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf'];

describe('names every JavaScript object inherits find nothing', () => {
  test('ownValue finds only what the record holds', () => {
    for (const name of INHERITED) assert.equal(ownValue({ namespace: 'payments-prod' }, name), undefined, name);
    assert.equal(ownValue({ constructor: 'c1' }, 'constructor'), 'c1');
    // JSON.parse, as the browser reads `#placeholder-values`, gives `__proto__` as a key of its own.
    assert.equal(ownValue(JSON.parse('{"__proto__": "p1"}'), '__proto__'), 'p1');
    assert.equal(ownValue(undefined, 'namespace'), undefined);
    assert.equal(ownValue({ namespace: 'x' }, undefined), undefined);
  });

  test('a command keeps {{constructor}}, {{toString}} … that no value fills', () => {
    const code = INHERITED.map((name) => `{{${name}}}`).join(' ');
    assert.equal(fillPlaceholders(code, { namespace: 'payments-prod' }), code);
    assert.equal(fillPlaceholders('echo {{constructor}} {{toString}}', { constructor: 'c1' }), 'echo c1 {{toString}}');
  });

  const environments = {
    production: { label: 'Production', vars: { namespace: 'shared', constructor: 'c-prod' }, services: { payments: { namespace: 'payments-prod' } } },
  } as unknown as Environments;

  test("an environment's values for a service or an environment named like a built-in are its own", () => {
    assert.deepEqual(environmentValues(environments, 'production', 'payments'), { namespace: 'payments-prod', constructor: 'c-prod' });
    for (const name of INHERITED) {
      assert.deepEqual(environmentValues(environments, name, 'payments'), {}, `environment ${name}`);
      assert.deepEqual(environmentValues(environments, 'production', name), { namespace: 'shared', constructor: 'c-prod' }, `service ${name}`);
    }
    assert.deepEqual([...environmentNames(environments, 'constructor')], ['namespace', 'constructor']);
    assert.deepEqual(valuesByService(environments, ['toString']), { toString: { production: { namespace: 'shared', constructor: 'c-prod' } } });
  });

  test('the book keeps no built-in for a service that lacks the environment', () => {
    const values = { payments: { production: { namespace: 'payments-prod' } }, ledger: {} };
    assert.deepEqual(bookEnvironment(values, ['production', 'constructor'], 'constructor'), { id: 'constructor', values: { payments: {}, ledger: {} } });
    assert.deepEqual(bookEnvironment(values, ['production', 'toString'], 'toString'), { id: 'toString', values: { payments: {}, ledger: {} } });
  });
});
