import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDataFile } from '../../../src/lib/content/data-file.ts';
import { environmentsSchema } from '../../../src/lib/content/schemas/environments.ts';
import { ContentError } from '../../../src/lib/errors.ts';

const problems = (text: string) => {
  try {
    parseDataFile(text, 'content/environments.yaml', environmentsSchema);
  } catch (error) {
    if (error instanceof ContentError) return error.message.split('\n');
    throw error;
  }
  return [];
};

describe('a data file', () => {
  test('one YAML mistake is one error, at its line, without the parser quoting the source', () => {
    assert.deepEqual(problems('production:\n  label: Production\n  vars:\n    namespace: payments\n   bad: [x\n'), [
      'content/environments.yaml:5:1: error: invalid YAML: All mapping items must start at the same column',
    ]);
  });

  test('a value of the wrong shape names the key and what was expected', () => {
    assert.deepEqual(problems('production:\n  label: Production\n  vars:\n    namespace: [a, b]\n'), [
      'content/environments.yaml:4:16: error: production.vars.namespace: expected a string value, got ["a","b"]',
    ]);
  });

  test('valid data comes back with its defaults', () => {
    assert.deepEqual(parseDataFile('production:\n  label: Production\n', 'x.yaml', environmentsSchema), {
      production: { label: 'Production', vars: {}, services: {} },
    });
  });
});
