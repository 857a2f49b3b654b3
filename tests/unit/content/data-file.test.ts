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

  test('a byte-order mark is ignored; an alias bomb and ten thousand nested lists are one error naming the file', () => {
    assert.deepEqual(parseDataFile('\uFEFFproduction:\n  label: Production\n', 'x.yaml', environmentsSchema), {
      production: { label: 'Production', vars: {}, services: {} },
    });
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[index]}`).join(', ')}]`),
    ];
    assert.deepEqual(problems(`production:\n  label: Production\n  vars:\n${bomb.map((line) => `    ${line}`).join('\n')}\n`), [
      'content/environments.yaml:5:12: error: invalid YAML: aliases (*a) expand to too much data (more than 100 copies): write the values out instead',
    ]);
    assert.deepEqual(problems(`production: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`), [
      'content/environments.yaml: error: invalid YAML: lists or maps nested too deeply to read: flatten the data',
    ]);
  });
});
