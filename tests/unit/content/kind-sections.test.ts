import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KIND_HEADINGS, kindSections } from '../../../src/lib/content/kind-sections.ts';
import { KINDS } from '../../../src/lib/content/schemas/runbook.ts';

describe('kindSections', () => {
  const cases: { name: string; group: { incidents: string[]; procedures: string[]; references: string[] }; expected: [string, string[]][] }[] = [
    {
      name: 'every kind, incidents first, with its heading',
      group: { incidents: ['db/down'], procedures: ['db/restore'], references: ['db/readme'] },
      expected: [
        ['Incidents', ['db/down']],
        ['Procedures', ['db/restore']],
        ['Reference', ['db/readme']],
      ],
    },
    {
      name: 'an empty kind keeps its place (the caller decides whether to show it)',
      group: { incidents: [], procedures: ['db/restore', 'db/vacuum'], references: [] },
      expected: [
        ['Incidents', []],
        ['Procedures', ['db/restore', 'db/vacuum']],
        ['Reference', []],
      ],
    },
  ];
  for (const { name, group, expected } of cases) {
    test(name, () => {
      assert.deepEqual(
        kindSections({ service: 'db', ...group }).map((section) => [section.heading, section.pages]),
        expected,
      );
    });
  }

  test('follows KINDS, and every kind has a heading', () => {
    const sections = kindSections({ service: 'db', incidents: [], procedures: [], references: [] });
    assert.deepEqual(
      sections.map((section) => section.kind),
      [...KINDS],
    );
    for (const kind of KINDS) assert.ok(KIND_HEADINGS[kind]);
  });
});
