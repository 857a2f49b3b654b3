import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { psqlToSql } from '../../../src/lib/snippets/psql.ts';

const sql = (text: string) => psqlToSql(text).text;

describe('a psql session as SQL', () => {
  const cases: [string, string, string][] = [
    ['a meta-command line is left out', '\\x\nSELECT 1;\n\\dt+ public.*', '\nSELECT 1;\n'],
    ['\\gset, \\g, \\watch send the statement, as ; does', 'SELECT 1 AS n \\gset\nSELECT now() \\watch 2', 'SELECT 1 AS n ;\nSELECT now() ;'],
    [
      'variables: string, quoted identifier, identifier',
      'SELECT * FROM :"schema".t WHERE name = :\'name\' LIMIT :n',
      `SELECT * FROM "schema".t WHERE name = 'name' LIMIT n_`,
    ],
    ['a cast is not a variable', "SELECT '1'::int, x::text", "SELECT '1'::int, x::text"],
    [
      'backslashes and colons inside strings are text',
      "SELECT E'a\\'b\\\\', 'c:d', $$ \\x :y $$, $fn$ \\q $fn$",
      "SELECT E'a\\'b\\\\', 'c:d', $$ \\x :y $$, $fn$ \\q $fn$",
    ],
    ['and inside comments and quoted identifiers', '-- \\x :y\n/* \\q */ SELECT "a:b"', '-- \\x :y\n/* \\q */ SELECT "a:b"'],
    ['a doubled quote does not end the string', "SELECT 'it''s :x'", "SELECT 'it''s :x'"],
  ];
  for (const [name, input, expected] of cases) test(name, () => assert.equal(sql(input), expected));
});
