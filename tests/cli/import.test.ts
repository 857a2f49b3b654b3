import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { applyEdits } from '../../src/lib/import/plan.ts';
import type { ImportReport } from '../../src/lib/import/report.ts';
import { PROJECT, runCli } from '../helpers/run-cli.ts';

/**
 * `npm run import` on a collection written the way real ones are (tests/fixtures/import: a Hugo site's runbooks and
 * the rules that link them), as a team adopting the site runs it: import into a new content root, `npm run check` on
 * it, `npm run alerts:check -- <rules> --fix --site …`; then again (nothing changes), as a dry run (nothing is
 * written), and on hostile and broken collections. The site build of the result is tests/build/import-build.test.ts.
 */
const SOURCE = 'tests/fixtures/import/content/runbooks';
const SITE = 'https://runbooks.example.com';
const work = mkdtempSync(join(tmpdir(), 'import-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));
const root = join(work, 'team-runbooks');
const rules = join(work, 'rules');
cpSync(join(PROJECT, 'tests/fixtures/import/rules'), rules, { recursive: true });

/** A run with none of the shell's RUNBOOKS_* settings. */
const run = (tool: string, args: string[], env: Record<string, string | undefined> = {}) =>
  runCli(tool, args, { env: { RUNBOOKS_CONTENT_DIR: undefined, RUNBOOKS_SITE: undefined, RUNBOOKS_BASE: undefined, ...env } });

/** Every entry under `folder` (folders too), with its modification time and, for files, a hash of its bytes. */
function snapshot(folder: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (path: string) => {
    const stat = lstatSync(path);
    entries[path] = `${stat.mtimeMs} ${stat.isFile() ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'folder'}`;
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  if (existsSync(folder)) walk(folder);
  return entries;
}

let report: ImportReport;
let firstRun: { status: number | null; stderr: string };

before(async () => {
  const imported = await run('import', [SOURCE, '--rules', rules, '--into', root, '--format', 'json']);
  firstRun = imported;
  report = JSON.parse(imported.stdout) as ImportReport;
});

// Each test starts its own processes and touches its own files (the rules that --fix rewrites are a copy); running
// them side by side keeps the file quick.
describe('npm run import of a Hugo collection and its rules', { concurrency: true }, () => {
  test('imports every page it can, and says where each field came from and what was left out', () => {
    assert.equal(firstRun.status, 0, firstRun.stderr);
    assert.equal(
      firstRun.stderr,
      'import: 9 imported, 0 already present, 2 skipped, 0 refused, 1 file copied; 13 alerting rules read, 2 leading to no page; 1 page with check_snippets: false\n',
    );
    const { summary } = report;
    assert.deepEqual(summary.sources, {
      title: { 'front matter': 7, heading: 1, 'file name': 1 },
      summary: { 'first paragraph': 8, 'stand-in': 1 },
      service: { folder: 9 },
      kind: { default: 7, 'section page': 2 },
      alerts: { rules: 6, 'no rule links it': 1 },
      severity: { rules: 5, default: 2 },
      'sla.response': { 'severity data': 7 },
      tags: { 'front matter': 1 },
    });
    assert.equal(summary.alerts, 8);
    assert.equal(summary.linksRewritten, 6);
    assert.equal(summary.shortcodesLeft, 2);
    const page = (source: string) => report.imported.find((entry) => entry.source === source)!;
    assert.deepEqual(page('kubernetes/KubePersistentVolumeFillingUp.md').fields['severity'], {
      value: 'critical',
      source: 'rules',
      detail: 'critical → critical, warning → high: the highest',
    });
    assert.deepEqual(page('kubernetes/KubePersistentVolumeFillingUp.md').dropped, { weight: 20, aliases: ['/runbooks/kubernetes/kubepersistentvolumefull/'] });
    assert.equal(page('kubernetes/KubePodNotReady.md').fields['title']?.source, 'file name');
    assert.equal(page('general/Watchdog.md').fields['title']?.source, 'heading');
    assert.equal(page('node/NodeClockNotSynchronising.md').fields['summary']?.value, 'TODO: one sentence on when to open this page');
    assert.match(
      page('node/NodeFilesystemSpaceFillingUp.md').snippetError!,
      /^tests\/fixtures\/import\/content\/runbooks\/node\/NodeFilesystemSpaceFillingUp\.md:25:\d+: bash: /,
    );
    assert.deepEqual(
      report.skipped.map((entry) => entry.source),
      ['kubernetes/KubeJobFailed.md', 'kubernetes/_index.md'],
    );
    assert.deepEqual(report.unlinked, ['general/on-call-handbook.md']);
    assert.deepEqual(
      report.unmatchedRules.map((rule) => [rule.alert, rule.reason]),
      [
        ['KubeJobFailed', 'it leads to kubernetes/KubeJobFailed.md, which is not imported'],
        ['KubeDeploymentReplicasMismatch', 'its path ends with no page of the folder'],
      ],
    );
    assert.deepEqual(readdirSync(root).sort(), ['environments.yaml', 'runbooks']);
    assert.ok(existsSync(join(root, 'runbooks/kubernetes/pvc-usage.png')));
  });

  test('each body is the old one byte for byte, but for the link targets the report lists', () => {
    for (const page of report.imported) {
      const old = splitFrontmatter(readFileSync(join(PROJECT, SOURCE, page.source), 'utf8')).body;
      const written = splitFrontmatter(readFileSync(join(root, 'runbooks', page.slug + page.source.slice(page.source.lastIndexOf('.'))), 'utf8')).body;
      assert.equal(written, applyEdits(old, page.links), page.source);
      for (const edit of page.links) assert.equal(old.slice(edit.start, edit.end), edit.from);
    }
    assert.deepEqual(
      report.imported.flatMap((page) => page.links.map((edit) => `${page.source}:${edit.line}: ${edit.from} → ${edit.to}`)).sort(),
      [
        'kubernetes/KubePodCrashLooping.md:21: {{< ref "KubePodNotReady.md" >}} → KubePodNotReady.md',
        'kubernetes/KubePodCrashLooping.md:34: {{< relref "/runbooks/kubernetes/KubePersistentVolumeFillingUp#mitigation" >}} → KubePersistentVolumeFillingUp.md#mitigation',
        'kubernetes/KubePodCrashLooping.md:43: ../kubepodnotready/ → KubePodNotReady.md',
        'kubernetes/KubePodNotReady.md:22: {{% ref "KubePodCrashLooping" %}} → KubePodCrashLooping.md',
        '_index.md:12: node/ → ../node/_index.md',
        '_index.md:13: {{< relref "general/on-call-handbook.md" >}} → ../general/on-call-handbook.md',
      ].sort(),
    );
  });

  test('npm run check passes on the result, warning about the stand-in summary', async () => {
    const check = await run('check', ['--root', root]);
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.deepEqual(
      check.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.replace(/^.*\/team-runbooks\/runbooks\//, '')),
      [
        'node/NodeClockNotSynchronising.md:3:10: warning: summary: "TODO: one sentence on when to open this page" is a to-do, not a summary: write one sentence on when to open this page ("Use when …"); it shows under the title and in every listing',
      ],
    );
  });

  test('alerts:check finds a runbook for every alert a rule linked; --fix then points the rules at the alert pages', async () => {
    const env = { RUNBOOKS_CONTENT_DIR: root };
    const noRunbook = (stdout: string) =>
      stdout
        .split('\n')
        .filter((line) => line.includes('no runbook here handles it'))
        .map((line) => / alert (\S+):/.exec(line)?.[1]);
    // The alerts import could not place, and no other: the report listed them.
    const UNPLACED = ['KubeJobFailed', 'KubeDeploymentReplicasMismatch', 'InfoInhibitor'];
    const fixed = await run('alerts-check', [rules, '--fix', '--site', SITE], env);
    assert.deepEqual(noRunbook(fixed.stdout), UNPLACED);
    assert.match(fixed.stderr, /fixed 10 runbook_urls in 2 files/);
    const after = await run('alerts-check', [rules, '--site', SITE], env);
    assert.deepEqual(noRunbook(after.stdout), UNPLACED);
    assert.equal(after.stdout.split('\n').filter((line) => line.includes(': error: ')).length, UNPLACED.length, after.stdout);
    assert.match(
      readFileSync(join(rules, 'kubernetes-apps.rules.yml'), 'utf8'),
      /runbook_url: https:\/\/runbooks\.example\.com\/alerts\/KubePodCrashLooping\//,
    );
  });

  test('a second import changes nothing: no file, no folder, no modification time', async () => {
    const before = snapshot(root);
    const again = await run('import', [SOURCE, '--rules', 'tests/fixtures/import/rules', '--into', root]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stderr, /^import: 0 imported, 9 already present, 2 skipped, 0 refused, 0 files copied;/);
    assert.deepEqual(snapshot(root), before);
  });

  test('--dry-run writes nothing and prints the plan', async () => {
    const fresh = join(work, 'dry');
    const dry = await run('import', [SOURCE, '--rules', 'tests/fixtures/import/rules', '--into', fresh, '--dry-run']);
    assert.equal(dry.status, 0, dry.stderr);
    assert.equal(existsSync(fresh), false);
    assert.match(
      dry.stdout,
      /^Dry run: nothing was written\. The import of tests\/fixtures\/import\/content\/runbooks into .*dry would do this:\n\nto import \(9\):\n/,
    );
    assert.match(dry.stdout, /check_snippets: false \(its snippets fail the check: /);
    assert.match(dry.stderr, /dry run: nothing written\n$/);
  });
});

describe('npm run import of hostile and broken collections', { concurrency: true }, () => {
  const hostile = join(work, 'hostile');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(hostile, path)), { recursive: true });
    writeFileSync(join(hostile, path), text);
  };
  const page = (title: string, body: string) => `---\ntitle: ${title}\nweight: 1\n---\n\n${body}\n`;
  write('team/Script.md', page('Script', 'Use when scripts run.\n\n<img src="x.png" onerror="alert(1)">'));
  write('team/Code.mdx', page('Code', "import fs from 'node:fs'\n\nUse when code runs."));
  write('team/Secret.md', page('Secret', 'Use when it leaks.\n\n```bash\ncurl -u admin:hunter2supersecret https://api.example.com\n```'));
  write('team/Linker.md', page('Linker', 'Use when linking: [the script page](Script.md).'));
  write('team/Fine.md', page('Fine', 'Use when all is fine.'));
  write('team/Toml.md', '+++\ntitle = "TOML"\n+++\n\nBody.\n');
  writeFileSync(join(hostile, 'team/Latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  symlinkSync('/etc/passwd', join(hostile, 'team/passwd.md'));

  test('refused pages are named with the check’s reasons, the rest is imported, and the exit code is 1', async () => {
    const into = join(work, 'hostile-root');
    const imported = await run('import', [hostile, '--into', into, '--format', 'json']);
    assert.equal(imported.status, 1, imported.stderr);
    const result = JSON.parse(imported.stdout) as ImportReport;
    assert.deepEqual(
      result.imported.map((entry) => entry.source),
      ['team/Fine.md'],
    );
    const reasons = Object.fromEntries(result.refused.map((entry) => [entry.source, entry.reasons.map((reason) => reason.replace(`${hostile}/`, ''))]));
    assert.deepEqual(Object.keys(reasons).sort(), ['team/Code.mdx', 'team/Linker.md', 'team/Script.md', 'team/Secret.md']);
    assert.match(reasons['team/Script.md']![0]!, /^team\/Script\.md:8:\d+: onerror on <img> is not allowed/);
    assert.match(reasons['team/Code.mdx']![0]!, /^team\/Code\.mdx:6:1: `import` in MDX runs code when the site is built/);
    assert.match(reasons['team/Secret.md']![0]!, /^team\/Secret\.md:9:\d+: possible secret/);
    assert.match(
      reasons['team/Linker.md']![0]!,
      /^team\/Linker\.md:6:\d+: broken link to Script\.md: there is no file .*hostile-root\/runbooks\/team\/Script\.md$/,
    );
    assert.deepEqual(
      result.skipped.map((entry) => entry.source),
      ['team/Toml.md'],
    );
    assert.deepEqual(
      result.unread.map((entry) => [entry.path, entry.reason]),
      [
        ['team/Latin1.md', 'not UTF-8 (byte 0xE9 at offset 3): save it as UTF-8'],
        ['team/passwd.md', 'a symbolic link to /etc/passwd, outside the folder: not followed'],
      ],
    );
    assert.deepEqual(readdirSync(join(into, 'runbooks/team')), ['Fine.md']);
    const check = await run('check', ['--root', into]);
    assert.equal(check.status, 0, check.stdout);
  });

  test('places it must not write to, and a command line it cannot act on, are usage errors (exit 2)', async () => {
    const cases: [string[], RegExp][] = [
      [[hostile, '--into', join(hostile, 'team')], /is inside the folder being imported/],
      [[hostile, '--into', 'src/lib'], /is inside the project's own code \(src\/\)/],
      [['content/runbooks/co-platform'], /is inside .*content\/runbooks: its pages are runbooks already/],
      [[hostile, '--severity-map', 'warning=high', 'info'], /--severity-map: expected LABEL=LEVEL/],
    ];
    const runs = await Promise.all(cases.map(([args]) => run('import', args)));
    cases.forEach(([args, message], index) => {
      assert.equal(runs[index]!.status, 2, args.join(' '));
      assert.match(runs[index]!.stderr, message);
    });
  });

  test('a folder of the content root that links out of it is not written through', async () => {
    const source = join(work, 'linked-source');
    mkdirSync(join(source, 'team'), { recursive: true });
    writeFileSync(join(source, 'team/Fine.md'), page('Fine', 'Use when all is fine.'));
    const into = join(work, 'linked-root');
    const elsewhere = join(work, 'elsewhere');
    mkdirSync(join(into, 'runbooks'), { recursive: true });
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(into, 'runbooks/team'));
    const imported = await run('import', [source, '--into', into]);
    assert.equal(imported.status, 1);
    assert.match(
      imported.stderr,
      /^import: .*linked-root\/runbooks\/team leads to .*elsewhere, outside .*linked-root\/runbooks: not writing through it; nothing was imported\n$/,
    );
    assert.deepEqual(readdirSync(elsewhere), []);
    assert.deepEqual(readdirSync(into).sort(), ['runbooks']);
  });

  test('a rule file that cannot be read imports nothing', async () => {
    const broken = join(work, 'broken.rules.yml');
    writeFileSync(broken, 'groups:\n  - name: g\n    rules:\n    - alert: A\n   bad indent\n');
    const into = join(work, 'broken-root');
    const imported = await run('import', [SOURCE, '--rules', broken, '--into', into]);
    assert.equal(imported.status, 1);
    assert.match(imported.stderr, /broken\.rules\.yml:\d+:\d+: invalid YAML/);
    assert.equal(existsSync(into), false);
  });

  test('an import stopped half-way leaves no staging folder and no runbook', async () => {
    const big = join(work, 'big');
    for (let index = 0; index < 50; index++) {
      mkdirSync(join(big, 'team'), { recursive: true });
      writeFileSync(join(big, 'team', `Alert${index}.md`), page(`Alert ${index}`, `Use when ${index} breaks.\n\n\`\`\`shell\n$ kubectl get pods\n\`\`\``));
    }
    const into = join(work, 'stopped');
    // A staging folder of an earlier run that was killed outright: removed by the next run.
    mkdirSync(join(into, '.runbooks-import-999999999/runbooks'), { recursive: true });
    const child = spawn(process.execPath, [join(PROJECT, 'src/cli/import.ts'), big, '--into', into], { cwd: PROJECT, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const staged = () => existsSync(into) && readdirSync(into).some((name) => name === `.runbooks-import-${child.pid}`);
    while (!staged()) await new Promise((resolve) => setTimeout(resolve, 2));
    child.kill('SIGTERM');
    assert.equal(await exited, 143);
    assert.deepEqual(readdirSync(into), []);
  });
});
