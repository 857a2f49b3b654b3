import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_LINK_VALUE_LENGTH, refusedLinkValue, valuesFromLink } from '../../../src/lib/web/link-values.ts';

describe('a value from a link fills a command only when it looks like a label value', () => {
  const accepted = [
    'api-7f9c',
    'payments',
    'ip-10-0-3-17.eu-west-1.compute.internal',
    '10.0.3.17:9100',
    '/var/lib/postgresql',
    'arn:aws:rds:eu-west-1:123456789012:db:orders',
    'user@example.com',
    'a+b=c,d',
    'v1.2.3',
    'x'.repeat(MAX_LINK_VALUE_LENGTH),
  ];
  for (const value of accepted) test(`accepts ${JSON.stringify(value.slice(0, 50))}`, () => assert.equal(refusedLinkValue(value), undefined));

  const refused: [value: string, reason: RegExp][] = [
    ['x rm', /a space/],
    ['x;rm', /contains ";"/],
    ['--all', /starts with "-", which a command would read as an option/],
    ['-n', /starts with "-"/],
    ['../..', /contains "\.\."/],
    ['/var/../etc', /contains "\.\."/],
    ['$(id)', /contains "\$"/],
    ['`id`', /contains "`"/],
    ['a|b', /contains "\|"/],
    ['a&b', /contains "&"/],
    ["it's", /contains "'"/],
    ['"x"', /contains """/],
    ['a\nb', /a line break or tab/],
    ['a\tb', /a line break or tab/],
    ['<x>', /contains "<"/],
    ['a>b', /contains ">"/],
    ['*', /contains "\*"/],
    ['pod?', /contains "\?"/],
    ['[::1]:9100', /contains "\["/],
    ['{a,b}', /contains "\{"/],
    ['a\\b', /contains "\\"/],
    ['pаd', /the character U\+0430/], // a Cyrillic а, which looks like a Latin a
    ['a\u202eb', /the character U\+202E/], // right-to-left override: shows one thing, runs another
    ['x'.repeat(MAX_LINK_VALUE_LENGTH + 1), /longer than 256 characters/],
  ];
  for (const [value, reason] of refused) {
    test(`refuses ${JSON.stringify(value.slice(0, 20))}`, () => assert.match(refusedLinkValue(value) ?? '(accepted)', reason));
  }
});

describe('valuesFromLink', () => {
  const inputs = [{ name: 'pod_name', label: 'pod' }, { name: 'namespace' }, { name: 'node', label: 'instance' }];

  test('fills declared inputs by their name, or by their alert label, and ignores the rest', () => {
    const { accepted, refused } = valuesFromLink(
      new URLSearchParams('env=production&alert=X&pod=api-7f9c&namespace=payments&stray=1&instance=10.0.0.1:9100'),
      inputs,
    );
    assert.deepEqual(
      [...accepted],
      [
        ['pod_name', 'api-7f9c'],
        ['namespace', 'payments'],
        ['node', '10.0.0.1:9100'],
      ],
    );
    assert.equal(refused.size, 0);
  });

  test("the input's own name wins over its label; an empty value is no value", () => {
    const { accepted } = valuesFromLink(new URLSearchParams('pod_name=a&pod=b&namespace='), inputs);
    assert.deepEqual([...accepted], [['pod_name', 'a']]);
  });

  test('a refused value fills nothing and says why', () => {
    const { accepted, refused } = valuesFromLink(new URLSearchParams('pod=--all&namespace=x%3Brm%20-rf%20~'), inputs);
    assert.equal(accepted.size, 0);
    assert.deepEqual([...refused.keys()], ['pod_name', 'namespace']);
    assert.match(refused.get('pod_name')!.reason, /starts with "-"/);
    assert.equal(refused.get('namespace')!.value, 'x;rm -rf ~');
  });

  test('inherited names are not inputs unless declared', () => {
    const { accepted } = valuesFromLink(new URLSearchParams('constructor=x&__proto__=y'), inputs);
    assert.equal(accepted.size, 0);
  });
});
