import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chooseEnvironment } from '../../../src/lib/web/choose-environment.ts';

const ids = ['production', 'staging'];

describe('chooseEnvironment', () => {
  const cases: [string, string | null, string | null, string | undefined][] = [
    ['query wins', 'staging', 'production', 'staging'],
    ['stored choice without query', null, 'staging', 'staging'],
    ['first environment by default', null, null, 'production'],
    ['unknown query is ignored', 'qa', 'staging', 'staging'],
    ['script payload is ignored', '<script>alert(1)</script>', null, 'production'],
    ['attribute payload is ignored', '"><img src=x onerror=alert(1)>', null, 'production'],
    ['prototype keys are ignored', '__proto__', 'constructor', 'production'],
    ['case matters', 'Staging', null, 'production'],
  ];
  for (const [name, query, stored, expected] of cases) {
    test(name, () => assert.equal(chooseEnvironment({ query, stored, ids }), expected));
  }
  test('no environments', () => assert.equal(chooseEnvironment({ query: 'x', stored: null, ids: [] }), undefined));
});
