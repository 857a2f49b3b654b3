import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type CliRun, PROJECT as root, runCli } from '../helpers/run-cli.ts';

/**
 * `npm run alerts:check` run as the rules repository's CI runs it: a real child process, on the fixture rule files in
 * tests/fixtures/rules, against the real content/ (its alerts are listed in seed-content.test.ts).
 */
const fixtures = 'tests/fixtures/rules';
const site = 'https://runbooks.example.com';

interface Run extends CliRun {
  /** stdout, one entry per line. */
  lines: string[];
}

/** Runs the command with none of the RUNBOOKS_* settings of the shell that runs the tests, plus `env`. */
async function alertsCheck(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const run = await runCli('alerts-check', args, {
    env: { RUNBOOKS_SITE: undefined, RUNBOOKS_BASE: undefined, RUNBOOKS_CONTENT_DIR: undefined, ...env },
  });
  return { ...run, lines: run.stdout.split('\n').slice(0, -1) };
}

const PLAIN = `${fixtures}/co-platform.rules.yml`;
const MANIFEST = `${fixtures}/kubernetes/audit-app.yaml`;
const MALFORMED = `${fixtures}/malformed.yml`;
const noRule = (alert: string, where: string) => `${where}: warning: alert ${alert}: has a runbook but is in no alerting rule checked (renamed or removed?)`;

const EXPECTED = [
  `${PLAIN}:17:12: error: alert DB_CPU_HIGH: no runbook_url annotation; expected ${site}/alerts/DB_CPU_HIGH/`,
  `${PLAIN}:33:12: error: alert DatabaseConnectionPoolExhausted: no runbook_url annotation; expected ${site}/alerts/DatabaseConnectionPoolExhausted/`,
  `${PLAIN}:40:12: error: alert DB_REPLICATION_LAG_HIGH: no runbook here handles it; list it in the \`alerts\` of the runbook that does`,
  `${PLAIN}:58:12: error: alert IB_HEALTH_CHECK_FAILED: runbook_url ${site}/alerts/DB_CPU_HIGH/ points at alert DB_CPU_HIGH; expected ${site}/alerts/IB_HEALTH_CHECK_FAILED/`,
  `${PLAIN}:65:12: error: alert PaymentsQueueBacklog: no runbook here handles it; list it in the \`alerts\` of the runbook that does`,
  `${MANIFEST}:14:18: error: alert APIDown: runbook_url https://wiki.example.com/display/OPS/APIDown is not on ${site}; expected ${site}/alerts/APIDown/`,
  `${MANIFEST}:23:18: error: alert SlowAPIResponses: runbook_url ${site}/runbooks/audit-app/api-service-down/ leads to runbook audit-app/api-service-down, which does not handle SlowAPIResponses; expected ${site}/alerts/SlowAPIResponses/`,
  `${MANIFEST}:29:19: error: alert HighRequestRate: no runbook_url annotation; expected ${site}/alerts/HighRequestRate/`,
  `${MANIFEST}:33:18: error: alert RedisDown: runbook_url ${site}/alerts/redisDown/ points at alert redisDown, which has no page here; expected ${site}/alerts/RedisDown/`,
  `${MANIFEST}:38:18: error: alert DatabaseDown: runbook_url ${site}/alerts/{{ $labels.alertname }}/ is a template, which this check cannot follow; expected ${site}/alerts/DatabaseDown/`,
  `${MALFORMED}:6:1: error: invalid YAML: Sequence item without - indicator`,
  noRule('ETLJobNotRunning', 'content/runbooks/audit-app/etl-job-failures.md:7:24'),
  noRule('SlowDatabaseQueries', 'content/runbooks/audit-app/high-response-times.md:7:28'),
];
const SUMMARY =
  'alerts:check: 14 alerting rules in 4 files, 13 runbook alerts: 2 alerts without a runbook, 8 wrong or missing runbook_urls, 2 runbook alerts in no rule, 1 rule file with errors\n';

// Each test starts its own process; running them side by side keeps the file quick.
describe('alerts:check', { concurrency: true }, () => {
  test('a folder of plain and PrometheusRule files with missing, extra and wrong runbook_urls, and a malformed file', async () => {
    const run = await alertsCheck([fixtures, '--site', site]);
    assert.deepEqual(run.lines, EXPECTED);
    assert.equal(run.stderr, SUMMARY);
    assert.equal(run.status, 1);
  });

  test('RUNBOOKS_SITE stands in for --site', async () => {
    assert.deepEqual((await alertsCheck([fixtures], { RUNBOOKS_SITE: site })).lines, EXPECTED);
  });

  test('a malformed file alone: named with its line, exit 1', async () => {
    const run = await alertsCheck([MALFORMED, '--site', site]);
    assert.equal(run.lines[0], `${MALFORMED}:6:1: error: invalid YAML: Sequence item without - indicator`);
    assert.equal(
      run.stderr,
      'alerts:check: 0 alerting rules in 1 file, 13 runbook alerts: 0 alerts without a runbook, 0 wrong or missing runbook_urls, 13 runbook alerts in no rule, 1 rule file with errors\n',
    );
    assert.equal(run.status, 1);
  });

  test('without a site URL, hosts are not checked and the base path still is', async () => {
    const run = await alertsCheck([MANIFEST, '--base', 'runbooks']);
    assert.deepEqual(run.lines.slice(0, 6), [
      `${MANIFEST}:14:18: error: alert APIDown: runbook_url https://wiki.example.com/display/OPS/APIDown is outside this site's base path /runbooks/; expected <site>/runbooks/alerts/APIDown/`,
      `${MANIFEST}:23:18: error: alert SlowAPIResponses: runbook_url ${site}/runbooks/audit-app/api-service-down/ is not an alert or runbook page of this site; expected <site>/runbooks/alerts/SlowAPIResponses/`,
      `${MANIFEST}:29:19: error: alert HighRequestRate: no runbook_url annotation; expected <site>/runbooks/alerts/HighRequestRate/`,
      `${MANIFEST}:33:18: error: alert RedisDown: runbook_url ${site}/alerts/redisDown/ is outside this site's base path /runbooks/; expected <site>/runbooks/alerts/RedisDown/`,
      `${MANIFEST}:38:18: error: alert DatabaseDown: runbook_url ${site}/alerts/{{ $labels.alertname }}/ is a template, which this check cannot follow; expected <site>/runbooks/alerts/DatabaseDown/`,
      `${MANIFEST}:46:18: error: alert ETLJobFailed: runbook_url ${site}/alerts/ETLJobFailed/?env=production is outside this site's base path /runbooks/; expected <site>/runbooks/alerts/ETLJobFailed/?env=production`,
    ]);
    assert.equal(
      run.stderr,
      'alerts:check: 6 alerting rules in 1 file, 13 runbook alerts: 0 alerts without a runbook, 6 wrong or missing runbook_urls, 7 runbook alerts in no rule; hosts not checked (no --site or RUNBOOKS_SITE)\n',
    );
    assert.equal(run.status, 1);
  });

  test('--format json', async () => {
    const run = await alertsCheck([PLAIN, '--site', site, '--format', 'json']);
    const report = JSON.parse(run.stdout) as {
      problems: { kind: string; alert: string; line: number; expected?: string }[];
      fixed: unknown[];
      summary: Record<string, unknown>;
    };
    assert.deepEqual(
      report.problems.filter((problem) => problem.kind !== 'no-rule').map((problem) => [problem.line, problem.kind, problem.alert, problem.expected]),
      [
        [17, 'runbook-url', 'DB_CPU_HIGH', `${site}/alerts/DB_CPU_HIGH/`],
        [33, 'runbook-url', 'DatabaseConnectionPoolExhausted', `${site}/alerts/DatabaseConnectionPoolExhausted/`],
        [40, 'no-runbook', 'DB_REPLICATION_LAG_HIGH', undefined],
        [58, 'runbook-url', 'IB_HEALTH_CHECK_FAILED', `${site}/alerts/IB_HEALTH_CHECK_FAILED/`],
        [65, 'no-runbook', 'PaymentsQueueBacklog', undefined],
      ],
    );
    assert.deepEqual(report.fixed, []);
    assert.deepEqual(report.summary, {
      rules: 8,
      files: 1,
      runbookAlerts: 13,
      noRunbook: 2,
      runbookUrl: 3,
      noRule: 8,
      unknownParameters: 0,
      filesWithErrors: 0,
      contentProblems: 0,
      fixed: 0,
      fixedFiles: 0,
      linkedInputs: 0,
      linkedRules: 0,
      hostChecked: true,
    });
    assert.equal(
      run.stderr,
      'alerts:check: 8 alerting rules in 1 file, 13 runbook alerts: 2 alerts without a runbook, 3 wrong or missing runbook_urls, 8 runbook alerts in no rule\n',
    );
    assert.equal(run.status, 1);
  });

  test('runbook problems that hide or double an alert fail the check, named like `npm run check` names them', async () => {
    const run = await alertsCheck([PLAIN, '--site', site], { RUNBOOKS_CONTENT_DIR: 'tests/fixtures/rules-content' });
    assert.deepEqual(run.lines.slice(-2), [
      'tests/fixtures/rules-content/runbooks/db/pool.md:5:11: error: severity: expected one of critical|high|medium|low, got "urgent"',
      'tests/fixtures/rules-content/runbooks/db/latency.md: error: alerts: alert "DB_LATENCY_HIGH" is already handled by tests/fixtures/rules-content/runbooks/db/cpu.md; an alert belongs to exactly one runbook',
    ]);
    // The page with the bad frontmatter hides its alert: the rule for it now has no runbook.
    assert.ok(
      run.lines.includes(
        `${PLAIN}:33:12: error: alert DatabaseConnectionPoolExhausted: no runbook here handles it; list it in the \`alerts\` of the runbook that does`,
      ),
    );
    assert.equal(
      run.stderr,
      'alerts:check: 8 alerting rules in 1 file, 2 runbook alerts: 5 alerts without a runbook, 1 wrong or missing runbook_url, 0 runbook alerts in no rule, 2 problems in the runbooks\n',
    );
    assert.equal(run.status, 1);
  });

  test('a content folder without runbooks is a usage error', async () => {
    const run = await alertsCheck([PLAIN], { RUNBOOKS_CONTENT_DIR: 'tests/fixtures/rules' });
    assert.equal(run.stderr, 'alerts:check: no runbooks in tests/fixtures/rules/runbooks; set RUNBOOKS_CONTENT_DIR to the content folder\n');
    assert.equal(run.status, 2);
  });

  describe('usage errors exit 2 and say what is wrong', { concurrency: true }, () => {
    const cases: [string, string[], string][] = [
      ['no paths', [], 'alerts:check: name the rule files or folders to check'],
      ['unknown option', [fixtures, '--nope'], "alerts:check: Unknown option '--nope'."],
      ['missing path', ['rules/missing.yml'], 'alerts:check: no such file or folder: rules/missing.yml'],
      ['folder without YAML', ['tests/unit'], 'alerts:check: no .yml or .yaml files in tests/unit'],
      [
        'YAML without alerting rules',
        [`${fixtures}/kubernetes/kustomization.yaml`],
        `alerts:check: no alerting rules in ${fixtures}/kubernetes/kustomization.yaml`,
      ],
      ['unknown format', [fixtures, '--format', 'xml'], 'alerts:check: --format must be text or json, got "xml"'],
      [
        'site that is not a URL',
        [fixtures, '--site', 'runbooks.example.com'],
        'alerts:check: --site must be an http(s) URL like https://runbooks.example.com, got "runbooks.example.com"',
      ],
      [
        '--fix without a site URL',
        [fixtures, '--fix'],
        'alerts:check: --fix writes absolute runbook_urls, so it needs the site URL: pass --site https://… or set RUNBOOKS_SITE',
      ],
      ['--link-inputs without --fix', [fixtures, '--site', site, '--link-inputs'], 'alerts:check: --link-inputs writes into the rule files: use it with --fix'],
    ];
    for (const [name, args, message] of cases) {
      test(name, async () => {
        const run = await alertsCheck(args);
        assert.ok(run.stderr.split('\n')[0]!.startsWith(message), run.stderr);
        assert.equal(run.stdout, '');
        assert.equal(run.status, 2);
      });
    }

    test('--help prints the usage and exits 0', async () => {
      const run = await alertsCheck(['--help']);
      assert.match(
        run.stdout,
        /^usage: npm run alerts:check -- <rules files or folders> \[--site https:\/\/runbooks\.example\.com\] \[--base \/runbooks\/\] \[--fix \[--link-inputs\]\] \[--format json\]\n/,
      );
      assert.equal(run.status, 0);
    });
  });

  describe('--fix', { concurrency: false }, () => {
    const copy = mkdtempSync(join(tmpdir(), 'alerts-check-'));
    after(() => rmSync(copy, { recursive: true, force: true }));
    cpSync(join(root, fixtures), copy, { recursive: true });
    const original = (path: string) => readFileSync(join(root, fixtures, path), 'utf8');
    const fixed = (path: string) => readFileSync(join(copy, path), 'utf8');
    const shown = (path: string) => relative(root, join(copy, path));
    let first: Run;
    before(async () => {
      first = await alertsCheck([copy, '--fix', '--site', site]);
    });

    test('reports what it wrote, and what it cannot fix: alerts without a runbook get no invented URL', () => {
      const at = (path: string, position: string, alert: string) =>
        `${shown(path)}:${position}: fixed: runbook_url of alert ${alert} set to ${site}/alerts/${alert}/`;
      assert.deepEqual(first.lines, [
        at('co-platform.rules.yml', '17:12', 'DB_CPU_HIGH'),
        at('co-platform.rules.yml', '33:12', 'DatabaseConnectionPoolExhausted'),
        `${shown('co-platform.rules.yml')}:40:12: error: alert DB_REPLICATION_LAG_HIGH: no runbook here handles it; list it in the \`alerts\` of the runbook that does`,
        at('co-platform.rules.yml', '58:12', 'IB_HEALTH_CHECK_FAILED'),
        `${shown('co-platform.rules.yml')}:65:12: error: alert PaymentsQueueBacklog: no runbook here handles it; list it in the \`alerts\` of the runbook that does`,
        at('kubernetes/audit-app.yaml', '14:18', 'APIDown'),
        at('kubernetes/audit-app.yaml', '23:18', 'SlowAPIResponses'),
        at('kubernetes/audit-app.yaml', '29:19', 'HighRequestRate'),
        at('kubernetes/audit-app.yaml', '33:18', 'RedisDown'),
        at('kubernetes/audit-app.yaml', '38:18', 'DatabaseDown'),
        `${shown('malformed.yml')}:6:1: error: invalid YAML: Sequence item without - indicator`,
        noRule('ETLJobNotRunning', 'content/runbooks/audit-app/etl-job-failures.md:7:24'),
        noRule('SlowDatabaseQueries', 'content/runbooks/audit-app/high-response-times.md:7:28'),
      ]);
      assert.equal(
        first.stderr,
        'alerts:check: 14 alerting rules in 4 files, 13 runbook alerts: 2 alerts without a runbook, 0 wrong or missing runbook_urls, 2 runbook alerts in no rule, 1 rule file with errors; fixed 8 runbook_urls in 2 files\n',
      );
      assert.equal(first.status, 1);
    });

    test('the plain file gains the annotations and keeps its comments, blank lines and layout', () => {
      let expected = original('co-platform.rules.yml');
      expected = replaceOnce(expected, '80% on {{ $labels.instance }}\n', `80% on {{ $labels.instance }}\n      runbook_url: ${site}/alerts/DB_CPU_HIGH/\n`);
      expected = replaceOnce(
        expected,
        '    for: 2m\n    labels:\n      severity: critical\n',
        `    for: 2m\n    labels:\n      severity: critical\n    annotations:\n      runbook_url: ${site}/alerts/DatabaseConnectionPoolExhausted/\n`,
      );
      expected = replaceOnce(
        expected,
        `for: 3m\n    annotations:\n      runbook_url: ${site}/alerts/DB_CPU_HIGH/`,
        `for: 3m\n    annotations:\n      runbook_url: ${site}/alerts/IB_HEALTH_CHECK_FAILED/`,
      );
      // The one thing the library changes: it writes a single space before an end-of-line comment.
      expected = replaceOnce(expected, 'rate5m   # recording', 'rate5m # recording');
      assert.equal(fixed('co-platform.rules.yml'), expected);
    });

    test('the manifest is fixed in place, quotes and flow style kept, the ConfigMap after it untouched', () => {
      let expected = original('kubernetes/audit-app.yaml');
      expected = replaceOnce(expected, 'https://wiki.example.com/display/OPS/APIDown', `${site}/alerts/APIDown/`);
      expected = replaceOnce(expected, `'${site}/runbooks/audit-app/api-service-down/'`, `'${site}/alerts/SlowAPIResponses/'`);
      expected = replaceOnce(
        expected,
        'labels: {severity: warning}}',
        `labels: {severity: warning}, annotations: {runbook_url: ${site}/alerts/HighRequestRate/}}`,
      );
      expected = replaceOnce(expected, `${site}/alerts/redisDown/`, `${site}/alerts/RedisDown/`);
      expected = replaceOnce(expected, `"${site}/alerts/{{ $labels.alertname }}/"`, `"${site}/alerts/DatabaseDown/"`);
      assert.equal(fixed('kubernetes/audit-app.yaml'), expected);
      for (const comment of original('kubernetes/audit-app.yaml')
        .split('\n')
        .filter((line) => line.trimStart().startsWith('#'))) {
        assert.ok(fixed('kubernetes/audit-app.yaml').includes(`${comment}\n`), comment);
      }
    });

    test('files with nothing to fix are not touched', () => {
      assert.equal(fixed('malformed.yml'), original('malformed.yml'));
      assert.equal(fixed('kubernetes/kustomization.yaml'), original('kubernetes/kustomization.yaml'));
    });

    test('a second check passes for the fixed rules', async () => {
      const manifest = await alertsCheck([join(copy, 'kubernetes/audit-app.yaml'), '--site', site]);
      assert.deepEqual(
        manifest.lines.filter((line) => !line.includes(': warning: ')),
        [],
      );
      assert.equal(
        manifest.stderr,
        'alerts:check: 6 alerting rules in 1 file, 13 runbook alerts: 0 alerts without a runbook, 0 wrong or missing runbook_urls, 7 runbook alerts in no rule\n',
      );
      assert.equal(manifest.status, 0);

      const all = await alertsCheck([copy, '--site', site]);
      assert.deepEqual(
        all.lines.filter((line) => line.includes(': error: ')).map((line) => line.replace(/^.*?: error: /, '')),
        [
          'alert DB_REPLICATION_LAG_HIGH: no runbook here handles it; list it in the `alerts` of the runbook that does',
          'alert PaymentsQueueBacklog: no runbook here handles it; list it in the `alerts` of the runbook that does',
          'invalid YAML: Sequence item without - indicator',
        ],
      );
    });
  });
});

/**
 * runbook_urls that carry values for the runbook's inputs: tests/fixtures/rules-link-inputs, a rule file and a content
 * root whose runbooks declare inputs (`node` comes from the label `instance`).
 */
describe('runbook_url query parameters', { concurrency: true }, () => {
  const linkFixture = 'tests/fixtures/rules-link-inputs';
  const content = { RUNBOOKS_CONTENT_DIR: `${linkFixture}/content` };
  const RULES = `${linkFixture}/rules/link-inputs.rules.yml`;
  const ruleText = readFileSync(join(root, RULES), 'utf8');
  const typo = (file: string) =>
    `${file}:31:93: warning: alert KubePodCrashLooping: runbook_url parameter "namspace" fills no input of runbook k8s/pod-crash-looping, so the page ignores it (a typo?); its inputs are namespace, pod`;
  /** A copy of the fixture's rules to fix, and the paths as the command names them. */
  const copyRules = (name: string) => {
    const folder = mkdtempSync(join(tmpdir(), `alerts-check-${name}-`));
    cpSync(join(root, linkFixture, 'rules'), folder, { recursive: true });
    const file = join(folder, 'link-inputs.rules.yml');
    return { folder, file, shown: relative(root, file), text: () => readFileSync(file, 'utf8') };
  };
  const NOT_READY = `${site}/alerts/KubePodNotReadyy/?env=staging&pod={{ $labels.pod | urlquery }}#logs`;

  test('a parameter that fills no input is a warning at the parameter; a template in the query is no error', async () => {
    const run = await alertsCheck([RULES, '--site', site], content);
    assert.deepEqual(run.lines, [
      `${RULES}:17:12: error: alert NodeDown: runbook_url https://wiki.example.com/pages/viewpage.action?pageId=4711&env=staging is not on ${site}; expected ${site}/alerts/NodeDown/?env=staging`,
      typo(RULES),
      `${RULES}:34:12: error: alert KubePodNotReady: runbook_url ${NOT_READY} points at alert KubePodNotReadyy, which has no page here; expected ${NOT_READY.replace('Readyy', 'Ready')}`,
    ]);
    assert.equal(
      run.stderr,
      'alerts:check: 5 alerting rules in 1 file, 5 runbook alerts: 0 alerts without a runbook, 2 wrong or missing runbook_urls, 0 runbook alerts in no rule, 1 unknown runbook_url parameter\n',
    );
    assert.equal(run.status, 1);
    // 31:93 is the parameter inside the URL, as an editor counts lines and columns.
    assert.equal(ruleText.split('\n')[30]!.indexOf('namspace=') + 1, 93);
  });

  test('--fix keeps the query and fragment of a URL on this site, and only the meaningful parameters of one elsewhere', async (t) => {
    const copy = copyRules('fix-query');
    t.after(() => rmSync(copy.folder, { recursive: true, force: true }));
    const run = await alertsCheck([copy.file, '--fix', '--site', site], content);
    assert.deepEqual(run.lines, [
      `${copy.shown}:17:12: fixed: runbook_url of alert NodeDown set to ${site}/alerts/NodeDown/?env=staging`,
      typo(copy.shown),
      `${copy.shown}:34:12: fixed: runbook_url of alert KubePodNotReady set to ${NOT_READY.replace('Readyy', 'Ready')}`,
    ]);
    assert.equal(run.status, 0);
    let expected = replaceOnce(ruleText, 'https://wiki.example.com/pages/viewpage.action?pageId=4711&env=staging', `${site}/alerts/NodeDown/?env=staging`);
    expected = replaceOnce(expected, NOT_READY, NOT_READY.replace('Readyy', 'Ready'));
    // The one thing the library changes: it writes a single space before an end-of-line comment.
    expected = replaceOnce(expected, '}}   # shown in Slack', '}} # shown in Slack');
    assert.equal(copy.text(), expected);
  });

  describe('--fix --link-inputs', { concurrency: false }, () => {
    const copy = copyRules('link-inputs');
    after(() => rmSync(copy.folder, { recursive: true, force: true }));
    const linked = (label: string) => `{{ $labels.${label} | urlquery }}`;
    const FULL = `${site}/alerts/NodeFilesystemAlmostFull/?env=production`;
    const FILES = `${site}/alerts/NodeFilesystemFilesFull/?instance=${linked('instance')}`;
    const CRASH = `${site}/alerts/KubePodCrashLooping/?env=production&namspace=payments`;
    let run: Run;
    before(async () => {
      run = await alertsCheck([copy.file, '--fix', '--link-inputs', '--site', site], content);
    });

    test('adds each input whose label every series is known to carry, under the input’s name', () => {
      const fixedLine = (line: number, column: number, alert: string, url: string, inputs: string[]) =>
        `${copy.shown}:${line}:${column}: fixed: runbook_url of alert ${alert} set to ${url}${inputs.length > 0 ? ` (${inputs.length === 1 ? '1 input' : `${inputs.length} inputs`} from the alert's labels: ${inputs.join(', ')})` : ''}`;
      assert.deepEqual(run.lines, [
        fixedLine(8, 12, 'NodeFilesystemAlmostFull', `${FULL}&node=${linked('instance')}&mountpoint=${linked('mountpoint')}#diagnosis`, ['node', 'mountpoint']),
        // `sum by (instance)` over series not known to have instance: node is left to the reader.
        fixedLine(17, 12, 'NodeDown', `${site}/alerts/NodeDown/?env=staging`, []),
        fixedLine(23, 13, 'NodeFilesystemFilesFull', `${FILES}&mountpoint=${linked('mountpoint')}`, ['mountpoint']),
        fixedLine(28, 12, 'KubePodCrashLooping', `${CRASH}&namespace=${linked('namespace')}`, ['namespace']),
        typo(copy.shown),
        fixedLine(34, 12, 'KubePodNotReady', NOT_READY.replace('Readyy', 'Ready').replace('#logs', `&namespace=${linked('namespace')}#logs`), ['namespace']),
      ]);
      assert.equal(
        run.stderr,
        'alerts:check: 5 alerting rules in 1 file, 5 runbook alerts: 0 alerts without a runbook, 0 wrong or missing runbook_urls, 0 runbook alerts in no rule, 1 unknown runbook_url parameter; fixed 2 runbook_urls in 1 file; linked 5 inputs to alert labels in 4 runbook_urls\n',
      );
      assert.equal(run.status, 0);
    });

    test('writes them into the file, which keeps its comments and layout', () => {
      let expected = replaceOnce(ruleText, `${FULL}#diagnosis`, `${FULL}&node=${linked('instance')}&mountpoint=${linked('mountpoint')}#diagnosis`);
      expected = replaceOnce(expected, 'https://wiki.example.com/pages/viewpage.action?pageId=4711&env=staging', `${site}/alerts/NodeDown/?env=staging`);
      expected = replaceOnce(expected, `'${FILES}'`, `'${FILES}&mountpoint=${linked('mountpoint')}'`);
      expected = replaceOnce(expected, `'${CRASH}'`, `'${CRASH}&namespace=${linked('namespace')}'`);
      expected = replaceOnce(expected, NOT_READY, NOT_READY.replace('Readyy', 'Ready').replace('#logs', `&namespace=${linked('namespace')}#logs`));
      expected = replaceOnce(expected, '}}   # shown in Slack', '}} # shown in Slack');
      assert.equal(copy.text(), expected);
    });

    test('the written file is a rule file Prometheus loads (promtool check rules)', () => {
      assert.ok(copy.text().includes(`&mountpoint=${linked('mountpoint')}'}}`), 'the linked URL in the flow mapping');
      const promtool = spawnSync('promtool', ['check', 'rules', copy.file], { encoding: 'utf8' });
      // Not skipped when missing: .ci/run installs it, and a skipped check proves nothing.
      assert.ifError(promtool.error && new Error('promtool is not installed: apt-get install prometheus (.ci/run does)'));
      assert.equal(promtool.status, 0, promtool.stdout + promtool.stderr);
      assert.match(promtool.stdout, /SUCCESS: 5 rules found/);
    });

    test('a second run finds only the typo, a warning, and exits 0; linking again adds nothing', async () => {
      const again = await alertsCheck([copy.file, '--fix', '--link-inputs', '--site', site], content);
      assert.deepEqual(again.lines, [typo(copy.shown)]);
      assert.equal(
        again.stderr,
        'alerts:check: 5 alerting rules in 1 file, 5 runbook alerts: 0 alerts without a runbook, 0 wrong or missing runbook_urls, 0 runbook alerts in no rule, 1 unknown runbook_url parameter\n',
      );
      assert.equal(again.status, 0);
    });
  });
});

/**
 * `alerts:check` under a file-size limit (`ulimit -f`, in KiB), a fault a test can inject without mount rights: a
 * write past the limit fails with EFBIG as on a full disk (SIGXFSZ is ignored, so the write returns the error
 * instead of killing the process).
 */
function alertsCheckWithFileLimit(kib: number, args: string[]): Promise<CliRun> {
  const script = `trap '' XFSZ; ulimit -f ${kib}; exec "$0" src/cli/alerts-check.ts "$@"`;
  const env = { ...process.env };
  for (const name of ['RUNBOOKS_SITE', 'RUNBOOKS_BASE', 'RUNBOOKS_CONTENT_DIR']) delete env[name];
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script, process.execPath, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('--fix when a file cannot be written', { concurrency: true }, () => {
  const work = mkdtempSync(join(tmpdir(), 'alerts-check-fault-'));
  after(() => rmSync(work, { recursive: true, force: true }));
  // Under a 4 KiB limit the fixed manifest (2.3 kB) can be written, the padded plain file (4.5 kB) cannot.
  const small = readFileSync(join(root, fixtures, 'kubernetes/audit-app.yaml'), 'utf8');
  const big = `# ${'padding '.repeat(250)}\n${readFileSync(join(root, fixtures, 'co-platform.rules.yml'), 'utf8')}`;
  const setUp = (name: string, files: Record<string, string>) => {
    mkdirSync(join(work, name));
    for (const [file, text] of Object.entries(files)) writeFileSync(join(work, name, file), text);
    return (file: string) => ({ shown: relative(root, join(work, name, file)), text: () => readFileSync(join(work, name, file), 'utf8') });
  };
  const cannotWrite = (shown: string) => `alerts:check: cannot write ${shown}: it would exceed the file-size limit (EFBIG); no rule file was changed`;

  test('a full disk mid-write leaves the rules file whole, and says which file', async () => {
    const file = setUp('one', { 'b.rules.yml': big })('b.rules.yml');
    const run = await alertsCheckWithFileLimit(4, [file.shown, '--fix', '--site', site]);
    assert.equal(file.text(), big);
    assert.equal(run.status, 1);
    assert.equal(run.stderr.split('\n')[0], cannotWrite(file.shown));
    assert.doesNotMatch(run.stdout + run.stderr, /^\s+at |fixed: /m);
  });

  test('one file that cannot be written: none of the set is rewritten', async () => {
    const file = setUp('set', { 'a.rules.yml': small, 'b.rules.yml': big });
    const run = await alertsCheckWithFileLimit(4, [join(relative(root, work), 'set'), '--fix', '--site', site]);
    assert.equal(file('a.rules.yml').text(), small);
    assert.equal(file('b.rules.yml').text(), big);
    assert.equal(run.status, 1);
    assert.equal(run.stderr.split('\n')[0], cannotWrite(file('b.rules.yml').shown));
    assert.doesNotMatch(run.stdout + run.stderr, /^\s+at |fixed: /m);
  });
});

function replaceOnce(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `expected exactly one ${JSON.stringify(from)} in the fixture`);
  return text.replace(from, () => to);
}
