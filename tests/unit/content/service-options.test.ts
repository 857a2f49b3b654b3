import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serviceOptions } from '../../../src/lib/content/service-options.ts';

const pages = (...services: string[]) => services.map((service) => ({ entry: { data: { service } } }));

describe('serviceOptions', () => {
  const cases: [string, ReturnType<typeof pages>, Record<string, { label: string }>, { id: string; label: string }[]][] = [
    [
      'each service once, by id, labelled from services.yaml',
      pages('web', 'db', 'web'),
      { db: { label: 'Database' }, web: { label: 'Web' } },
      [
        { id: 'db', label: 'Database' },
        { id: 'web', label: 'Web' },
      ],
    ],
    ['a service without a label shows its id', pages('db'), {}, [{ id: 'db', label: 'db' }]],
    ['a service with no page is not offered', pages('db'), { db: { label: 'Database' }, web: { label: 'Web' } }, [{ id: 'db', label: 'Database' }]],
    ['no pages, no options', pages(), { db: { label: 'Database' } }, []],
  ];
  for (const [name, given, services, expected] of cases) test(name, () => assert.deepEqual(serviceOptions(given, services), expected));
});
