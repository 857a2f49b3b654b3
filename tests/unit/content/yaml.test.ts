import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseYaml } from '../../../src/lib/content/yaml.ts';

/** The value, or the problem as `line:column: message`, as parseYaml gives them. */
function read(text: string): unknown {
  const parsed = parseYaml(text);
  return parsed.ok ? parsed.value : `${parsed.problem.line ?? '-'}:${parsed.problem.column ?? '-'}: ${parsed.problem.message}`;
}

const laughs = (levels: number) =>
  ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
    .concat(Array.from({ length: levels }, (_, index) => `l${index + 1}: &l${index + 1} [${Array(9).fill(`*l${index}`).join(', ')}]`))
    .join('\n');

describe('the YAML of content', () => {
  test('YAML 1.2 core: a date, yes and a number-like version stay what they read as', () => {
    assert.deepEqual(read('title: 2026-01-01\nlast_reviewed: 2026-01-15\nowner: yes\nversion: 1.10\nforced: !!str 2026-01-01'), {
      title: '2026-01-01',
      last_reviewed: '2026-01-15',
      owner: 'yes',
      version: 1.1,
      forced: '2026-01-01',
    });
  });

  test('an alias or two is fine', () => {
    assert.deepEqual(read('a: &x [1, 2]\nb: *x\nc: *x'), { a: [1, 2], b: [1, 2], c: [1, 2] });
  });

  test('a billion laughs is an error at the first alias, without expanding it', () => {
    const started = performance.now();
    assert.equal(read(laughs(8)), '2:10: aliases (*l0) expand to too much data (more than 100 copies): write the values out instead');
    assert.ok(performance.now() - started < 1000);
  });

  test('nesting ten thousand deep is an error, not a stack overflow', () => {
    assert.equal(read(`tags: ${'['.repeat(10_000)}${']'.repeat(10_000)}`), '-:-: lists or maps nested too deeply to read: flatten the data');
    assert.equal(read(`tags:\n  ${'- '.repeat(5000)}x`), '-:-: lists or maps nested too deeply to read: flatten the data');
  });

  test('tags outside the core schema, merge keys and keys that are lists are errors', () => {
    assert.equal(read('owner: !team payments'), '1:14: the tag !team is not allowed: write plain YAML (quote a value to keep it as text)');
    assert.equal(read('owner: !!binary cGF5bWVudHM='), '1:17: the tag !!binary is not allowed: write plain YAML (quote a value to keep it as text)');
    assert.equal(read('when: !!timestamp 2026-01-01'), '1:19: the tag !!timestamp is not allowed: write plain YAML (quote a value to keep it as text)');
    assert.equal(read('base: &b {owner: x}\n<<: *b'), '2:1: merge keys (<<) are not supported: write the keys out');
    assert.equal(read('? [a, b]\n: c'), '1:3: a key must be a word, not a list or a map');
    assert.deepEqual(read('"<<": quoted is an ordinary key'), { '<<': 'quoted is an ordinary key' });
  });

  test('an alias before its anchor and a syntax error are problems with a position', () => {
    assert.equal(read('a: *nope'), '1:4: Unresolved alias (the anchor must be set before the alias): nope');
    assert.equal(read('a: [1, 2'), '1:9: Flow sequence in block collection must be sufficiently indented and end with a ]');
  });
});
