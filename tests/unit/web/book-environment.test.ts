import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bookEnvironment } from '../../../src/lib/web/book-environment.ts';

const values = {
  api: { production: { namespace: 'api-prod' }, staging: { namespace: 'api-staging' } },
  db: { production: { host: 'db' }, staging: {} },
};
const ids = ['production', 'staging'];

describe('the environment the book shows', () => {
  test('the one named in ?env=, and only its values', () => {
    assert.deepEqual(bookEnvironment(values, ids, 'staging'), {
      id: 'staging',
      values: { api: { staging: { namespace: 'api-staging' } }, db: { staging: {} } },
    });
  });

  test('none without ?env=: no fallback to the first environment', () => {
    assert.deepEqual(bookEnvironment(values, ids, null), { id: undefined, values: { api: {}, db: {} } });
  });

  test('none for an id the site does not know, however it is spelled', () => {
    for (const requested of ['prod', '', '__proto__', 'constructor', 'Production']) {
      assert.deepEqual(bookEnvironment(values, ids, requested), { id: undefined, values: { api: {}, db: {} } }, requested);
    }
  });
});
