import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AlertEntry } from '../../../src/lib/alerts/alert-index.ts';
import { alertCoverage, type CoverageSite, type LocatedRule } from '../../../src/lib/alerts/coverage.ts';
import type { SiteLocation } from '../../../src/lib/alerts/runbook-url.ts';

const entry = (alert: string, slug: string): AlertEntry => ({ alert, slug, title: slug, service: 'db' });
const site: CoverageSite = {
  entries: [entry('APIDown', 'api/down'), entry('DB_CPU_HIGH', 'db/latency'), entry('DB_LATENCY_HIGH', 'db/latency')],
  slugs: new Set(['api/down', 'db/latency', 'db/vacuum']),
  alertLocations: new Map([
    ['APIDown', { file: 'content/runbooks/api/down.md', line: 7, column: 10 }],
    ['DB_CPU_HIGH', { file: 'content/runbooks/db/latency.md', line: 7, column: 10 }],
    ['DB_LATENCY_HIGH', { file: 'content/runbooks/db/latency.md', line: 7, column: 23 }],
  ]),
  inputs: new Map([
    ['api/down', [{ name: 'pod' }, { name: 'node', label: 'instance' }]],
    ['db/latency', []],
  ]),
};
const location: SiteLocation = { site: new URL('https://runbooks.example.com'), base: '/' };
let line = 0;
const rule = (alert: string, runbookUrl?: unknown): LocatedRule => ({
  alert,
  runbookUrl,
  file: 'rules.yml',
  document: 0,
  path: ['groups', 0, 'rules', line],
  line: ++line,
  column: 12,
});

/** The problems as `kind alert: message`, the part each case is about. */
const summary = (rules: LocatedRule[], where: SiteLocation = location) =>
  alertCoverage(rules, site, where).map((problem) => `${problem.kind} ${problem.message}`);

describe('alertCoverage', () => {
  const cases: [string, LocatedRule[], string[]][] = [
    [
      'every alert ruled, every URL right: nothing to say',
      [
        rule('APIDown', 'https://runbooks.example.com/alerts/APIDown/'),
        rule('DB_CPU_HIGH', 'https://runbooks.example.com/alerts/db_cpu_high'),
        rule('DB_LATENCY_HIGH', 'https://runbooks.example.com/runbooks/db/latency/'),
      ],
      [],
    ],
    [
      'an alert with no runbook, whatever its URL',
      [
        rule('APIDown', 'https://runbooks.example.com/alerts/APIDown/'),
        rule('DB_CPU_HIGH', 'https://runbooks.example.com/alerts/DB_CPU_HIGH/'),
        rule('DB_LATENCY_HIGH', 'https://runbooks.example.com/alerts/DB_LATENCY_HIGH/'),
        rule('DiskFull', 'https://runbooks.example.com/alerts/DiskFull/'),
      ],
      ['no-runbook alert DiskFull: no runbook here handles it; list it in the `alerts` of the runbook that does'],
    ],
    [
      'names are compared as Prometheus compares them: case counts',
      [
        rule('apidown', 'https://runbooks.example.com/alerts/apidown/'),
        rule('DB_CPU_HIGH', 'https://runbooks.example.com/alerts/DB_CPU_HIGH/'),
        rule('DB_LATENCY_HIGH', 'https://runbooks.example.com/alerts/DB_LATENCY_HIGH/'),
      ],
      [
        'no-runbook alert apidown: no runbook here handles it; list it in the `alerts` of the runbook that does',
        'no-rule alert APIDown: has a runbook but is in no alerting rule checked (renamed or removed?)',
      ],
    ],
    [
      'missing, empty and wrong runbook_urls; one rule of an alert is enough to cover it',
      [
        rule('APIDown'),
        rule('DB_CPU_HIGH', null),
        rule('DB_LATENCY_HIGH', 'https://runbooks.example.com/alerts/DB_CPU_HIGH/'),
        rule('DB_LATENCY_HIGH', 'https://wiki.example.com/DB_LATENCY_HIGH'),
      ],
      [
        'runbook-url alert APIDown: no runbook_url annotation; expected https://runbooks.example.com/alerts/APIDown/',
        'runbook-url alert DB_CPU_HIGH: runbook_url is empty; expected https://runbooks.example.com/alerts/DB_CPU_HIGH/',
        'runbook-url alert DB_LATENCY_HIGH: runbook_url https://runbooks.example.com/alerts/DB_CPU_HIGH/ points at alert DB_CPU_HIGH; expected https://runbooks.example.com/alerts/DB_LATENCY_HIGH/',
        'runbook-url alert DB_LATENCY_HIGH: runbook_url https://wiki.example.com/DB_LATENCY_HIGH is not on https://runbooks.example.com; expected https://runbooks.example.com/alerts/DB_LATENCY_HIGH/',
      ],
    ],
    [
      'runbook alerts in no rule, in alert order',
      [rule('DB_CPU_HIGH', 'https://runbooks.example.com/alerts/DB_CPU_HIGH/')],
      [
        'no-rule alert APIDown: has a runbook but is in no alerting rule checked (renamed or removed?)',
        'no-rule alert DB_LATENCY_HIGH: has a runbook but is in no alerting rule checked (renamed or removed?)',
      ],
    ],
  ];
  for (const [name, rules, expected] of cases) {
    test(name, () => assert.deepEqual(summary(rules), expected));
  }

  test('without the site, any host passes and the expected URL is the path', () => {
    const rules = [
      rule('APIDown', 'https://wiki.example.com/alerts/APIDown/'),
      rule('DB_CPU_HIGH'),
      rule('DB_LATENCY_HIGH', 'https://wiki.example.com/alerts/DB_LATENCY_HIGH/'),
    ];
    assert.deepEqual(summary(rules, { base: '/runbooks/' }), [
      "runbook-url alert APIDown: runbook_url https://wiki.example.com/alerts/APIDown/ is outside this site's base path /runbooks/; expected <site>/runbooks/alerts/APIDown/",
      'runbook-url alert DB_CPU_HIGH: no runbook_url annotation; expected <site>/runbooks/alerts/DB_CPU_HIGH/',
      "runbook-url alert DB_LATENCY_HIGH: runbook_url https://wiki.example.com/alerts/DB_LATENCY_HIGH/ is outside this site's base path /runbooks/; expected <site>/runbooks/alerts/DB_LATENCY_HIGH/",
    ]);
    assert.deepEqual(
      summary(
        rules.map((each) => ({ ...each, runbookUrl: `https://anywhere.example/runbooks/alerts/${each.alert}/` })),
        { base: '/runbooks/' },
      ),
      [],
    );
  });

  describe('runbook_url query parameters', () => {
    const url = 'https://runbooks.example.com/alerts/APIDown/';
    const cases: [string, unknown, string[]][] = [
      [
        'declared inputs, a label that fills one, and the reserved env and alert: nothing to say',
        `${url}?env=prod&alert=APIDown&pod=x&instance={{ $labels.instance | urlquery }}`,
        [],
      ],
      [
        'a parameter that fills no input: a warning naming the inputs',
        `${url}?env=prod&podd=x`,
        [
          'link-parameter alert APIDown: runbook_url parameter "podd" fills no input of runbook api/down, so the page ignores it (a typo?); its inputs are pod, node (or instance)',
        ],
      ],
      [
        'a name with a control character is shown escaped, on one line',
        `${url}?a%0Ab=x`,
        [
          'link-parameter alert APIDown: runbook_url parameter "a\\nb" fills no input of runbook api/down, so the page ignores it (a typo?); its inputs are pod, node (or instance)',
        ],
      ],
      ['a name made by a template cannot be told before the alert fires', `${url}?{{ $labels.key }}=x`, []],
      [
        'a wrong URL on this site: its query is kept in what --fix writes, and read',
        'https://runbooks.example.com/alerts/apidown/more/?env=prod&podd=x#top',
        [
          'runbook-url alert APIDown: runbook_url https://runbooks.example.com/alerts/apidown/more/?env=prod&podd=x#top is not an alert or runbook page of this site; expected https://runbooks.example.com/alerts/APIDown/?env=prod&podd=x#top',
          'link-parameter alert APIDown: runbook_url parameter "podd" fills no input of runbook api/down, so the page ignores it (a typo?); its inputs are pod, node (or instance)',
        ],
      ],
      [
        'a link elsewhere: its own parameters are not read, and only the meaningful ones are kept',
        'https://wiki.example.com/view?pageId=1&pod=x#top',
        [
          'runbook-url alert APIDown: runbook_url https://wiki.example.com/view?pageId=1&pod=x#top is not on https://runbooks.example.com; expected https://runbooks.example.com/alerts/APIDown/?pod=x',
        ],
      ],
    ];
    for (const [name, value, expected] of cases) {
      test(name, () =>
        assert.deepEqual(
          summary([
            rule('APIDown', value),
            rule('DB_CPU_HIGH', 'https://runbooks.example.com/alerts/DB_CPU_HIGH/'),
            rule('DB_LATENCY_HIGH', 'https://runbooks.example.com/alerts/DB_LATENCY_HIGH/'),
          ]),
          expected,
        ),
      );
    }

    test('a runbook without inputs says so', () => {
      assert.deepEqual(
        summary([
          rule('APIDown', url),
          rule('DB_CPU_HIGH', 'https://runbooks.example.com/alerts/DB_CPU_HIGH/?pod=x'),
          rule('DB_LATENCY_HIGH', 'https://runbooks.example.com/alerts/DB_LATENCY_HIGH/'),
        ]),
        [
          'link-parameter alert DB_CPU_HIGH: runbook_url parameter "pod" fills no input of runbook db/latency, so the page ignores it (a typo?); it declares no inputs',
        ],
      );
    });

    test('the warning points at the parameter when the URL is written verbatim, else at the URL, else at the rule', () => {
      const value = `${url}?env=prod&podd=x`;
      const at = (runbookUrlAt: LocatedRule['runbookUrlAt']) => {
        const problem = alertCoverage([{ ...rule('APIDown', value), runbookUrlAt }], site, location).find((each) => each.kind === 'link-parameter')!;
        return [problem.line, problem.column];
      };
      assert.deepEqual(at({ line: 9, column: 20, verbatim: true }), [9, 20 + value.indexOf('podd')]);
      assert.deepEqual(at({ line: 9, column: 20, verbatim: false }), [9, 20]);
      assert.deepEqual(at(undefined), [line, 12]);
    });
  });

  test('problems point at the rule, or at the alert in the runbook, and carry what --fix writes', () => {
    const wrong = rule('APIDown', 'https://wiki.example.com/APIDown');
    const problems = alertCoverage([wrong, rule('DiskFull')], site, location);
    assert.deepEqual(
      problems.map(({ message: _message, ...problem }) => problem),
      [
        {
          file: 'rules.yml',
          line: wrong.line,
          column: 12,
          severity: 'error',
          kind: 'runbook-url',
          alert: 'APIDown',
          expected: 'https://runbooks.example.com/alerts/APIDown/',
          rule: wrong,
        },
        { file: 'rules.yml', line: wrong.line + 1, column: 12, severity: 'error', kind: 'no-runbook', alert: 'DiskFull' },
        { file: 'content/runbooks/db/latency.md', line: 7, column: 10, severity: 'warning', kind: 'no-rule', alert: 'DB_CPU_HIGH' },
        { file: 'content/runbooks/db/latency.md', line: 7, column: 23, severity: 'warning', kind: 'no-rule', alert: 'DB_LATENCY_HIGH' },
      ],
    );
  });
});
