import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fieldNote, KEPT_VALUE_PREFIX, keptValueKey, keptValueText, parseKeptValue } from '../../../src/lib/web/kept-values.ts';

describe('values kept for the incident', () => {
  test('keys name service, environment and input, and cannot collide', () => {
    assert.ok(keptValueKey('payments', 'production', 'pod').startsWith(KEPT_VALUE_PREFIX));
    assert.notEqual(keptValueKey('a', 'b:c', 'd'), keptValueKey('a:b', 'c', 'd'));
    assert.notEqual(keptValueKey('payments', 'production', 'pod'), keptValueKey('payments', 'staging', 'pod'));
    assert.equal(keptValueKey('payments', undefined, 'pod'), keptValueKey('payments', '', 'pod'));
  });

  test('what is written reads back; anything else is no value', () => {
    assert.deepEqual(parseKeptValue(keptValueText({ value: 'api-7f9c', source: 'link' })), { value: 'api-7f9c', source: 'link' });
    assert.deepEqual(parseKeptValue(keptValueText({ value: 'a:b', source: 'typed' })), { value: 'a:b', source: 'typed' });
    for (const text of [null, '', 'x', 'link', 'link:', 'alert:x', ':x', '{"value":"a","source":"typed"}']) {
      assert.equal(parseKeptValue(text), undefined, String(text));
    }
  });

  test('the line under a field says where its value comes from', () => {
    assert.equal(fieldNote({ kept: { value: 'a', source: 'link' } }), 'From the alert link.');
    assert.equal(fieldNote({ kept: { value: 'a', source: 'typed' } }), 'Kept from earlier in this incident.');
    assert.equal(fieldNote({ kept: { value: 'a', source: 'typed' }, typedHere: true, environmentValue: 'x', environmentLabel: 'Staging' }), '');
    assert.equal(fieldNote({ environmentValue: 'prod-eu-1', environmentLabel: 'Production' }), "Empty: Production's value. Type to use another.");
    assert.equal(
      fieldNote({ refused: 'it starts with "-", which a command would read as an option' }),
      'Value from the link refused: it starts with "-", which a command would read as an option.',
    );
    assert.equal(fieldNote({}), '');
  });
});
