import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_SEVERITY_DATA, type SeverityData } from '../../../src/lib/content/schemas/severity.ts';
import { serviceSeverityTables, siteSeverityRows } from '../../../src/lib/content/severity-table.ts';

const level = { examples: [], actions: [] };
const data = (services: SeverityData['services']): SeverityData => ({ ...DEFAULT_SEVERITY_DATA, services });

describe('siteSeverityRows', () => {
  test('every severity, most urgent first, with its response target as text', () => {
    assert.deepEqual(
      siteSeverityRows(DEFAULT_SEVERITY_DATA).map((row) => [row.severity, row.response]),
      [
        ['critical', '15 min'],
        ['high', '1 h'],
        ['medium', '4 h'],
        ['low', '1 d'],
      ],
    );
  });
});

describe('serviceSeverityTables', () => {
  const cases: { name: string; services: SeverityData['services']; expected: unknown }[] = [
    {
      name: 'services by id; only the levels a service defines, most urgent first',
      services: {
        web: { low: { ...level, label: 'P3' } },
        db: { low: { ...level, label: 'P3' }, critical: { ...level, label: 'SEV-1', response: 5 } },
      },
      expected: [
        [
          'db',
          'Database',
          undefined,
          [
            ['critical', 'SEV-1', '5 min'],
            ['low', 'P3', '1 d'],
          ],
        ],
        ['web', 'web', undefined, [['low', 'P3', '1 d']]],
      ],
    },
    {
      name: 'a label that only repeats the severity is not shown; response_text wins over minutes',
      services: { db: { high: { ...level, label: 'High', response_text: 'Next business day' } } },
      expected: [['db', 'Database', undefined, [['high', undefined, 'Next business day']]]],
    },
    {
      name: 'escalation wins the fourth column over actions',
      services: {
        db: { critical: { ...level, label: 'SEV-1', escalate_to: 'DBA lead', actions: ['page'] }, low: { ...level, label: 'P3', actions: ['ticket'] } },
      },
      expected: [
        [
          'db',
          'Database',
          'escalation',
          [
            ['critical', 'SEV-1', '15 min'],
            ['low', 'P3', '1 d'],
          ],
        ],
      ],
    },
    {
      name: 'actions when nobody is named to escalate to',
      services: { db: { low: { ...level, label: 'P3', actions: ['ticket'] } } },
      expected: [['db', 'Database', 'actions', [['low', 'P3', '1 d']]]],
    },
  ];
  for (const { name, services, expected } of cases) {
    test(name, () => {
      const tables = serviceSeverityTables(data(services), { db: { label: 'Database' } });
      assert.deepEqual(
        tables.map((table) => [table.service, table.label, table.lastColumn, table.rows.map((row) => [row.severity, row.label, row.response])]),
        expected,
      );
    });
  }

  test('a row carries what the table prints', () => {
    const [table] = serviceSeverityTables(
      data({ db: { critical: { ...level, label: 'SEV-1', description: 'Down', examples: ['No writes'], escalate_to: 'DBA lead', notify: [] } } }),
      {},
    );
    assert.deepEqual(table?.rows[0], {
      severity: 'critical',
      label: 'SEV-1',
      response: '15 min',
      description: 'Down',
      examples: ['No writes'],
      escalateTo: 'DBA lead',
      notify: [],
      actions: [],
    });
  });
});
