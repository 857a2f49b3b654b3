import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LocatedRule } from '../../../src/lib/alerts/coverage.ts';
import { splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { DEFAULT_SEVERITY_DATA } from '../../../src/lib/content/schemas/severity.ts';
import { parseSourcePage } from '../../../src/lib/content/source-page.ts';
import { type ImportOptions, planImport, type SourceFolder, type TargetRoot, type Verdicts } from '../../../src/lib/import/plan.ts';
import { DEFAULT_SEVERITY_MAP } from '../../../src/lib/import/rule-links.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const OPTIONS: ImportOptions = { severityMap: DEFAULT_SEVERITY_MAP, defaultSeverity: 'medium' };

function folder(pages: Record<string, string>, files: Record<string, Uint8Array> = {}): SourceFolder {
  return {
    label: 'old',
    name: 'runbooks',
    pages: Object.entries(pages).map(([path, text]) => ({ path, text })),
    files: Object.entries(files).map(([path, head]) => ({ path, head })),
    unread: [],
  };
}

function target(over: Partial<TargetRoot> = {}): TargetRoot {
  return {
    label: 'content/runbooks',
    pages: [],
    files: new Set(),
    environments: undefined,
    hasEnvironmentsFile: false,
    severity: DEFAULT_SEVERITY_DATA,
    ...over,
  };
}

let line = 0;
function rule(alert: string, runbookUrl: unknown, severity?: string, file = 'rules.yml'): LocatedRule {
  line += 10;
  return { alert, document: 0, path: [], line, column: 9, runbookUrl, labels: severity ? { severity } : {}, file };
}

const OLD = 'https://runbooks.example.com/runbooks';

describe('planImport', () => {
  test('the body is kept byte for byte but for the link targets it rewrites', () => {
    const body =
      '\r\n# Disk full  \r\n\r\nThe disk is full.\r\nSee [the pods]({{< ref "KubePodCrashLooping" >}}), [the overview](../../overview/) and [kept](KubePodCrashLooping.md).\t\r\n';
    const source = folder({
      'node/DiskFull.md': `\uFEFF---\r\ntitle: Disk full\r\nweight: 3\r\n---\r\n${body}`,
      'node/KubePodCrashLooping.md': '---\ntitle: Pods\n---\n\nPods crash.\n',
      'Overview.md': '# Overview\n\nAll runbooks. Start at [disk](node/DiskFull.md).\n',
    });
    const plan = planImport(source, [], target(), OPTIONS);
    const disk = plan.pages.find((page) => page.source === 'node/DiskFull.md')!;
    assert.deepEqual(
      disk.edits.map((edit) => [edit.from, edit.to]),
      [
        ['{{< ref "KubePodCrashLooping" >}}', 'KubePodCrashLooping.md'],
        ['../../overview/', '../runbooks/Overview.md'],
      ],
    );
    // Every byte outside the rewritten spans is the old body's.
    const written = disk.text.slice(disk.bodyStart);
    let at = 0;
    let out = 0;
    for (const edit of disk.edits) {
      assert.equal(written.slice(out, out + edit.start - at), body.slice(at, edit.start));
      out += edit.start - at + edit.to.length;
      at = edit.end;
    }
    assert.equal(written.slice(out), body.slice(at));
    // A page at the top of the folder goes into its service's folder, and its links follow it.
    const overview = plan.pages.find((page) => page.source === 'Overview.md')!;
    assert.equal(overview.target, 'runbooks/Overview.md');
    assert.deepEqual(
      overview.edits.map((edit) => edit.to),
      ['../node/DiskFull.md'],
    );
  });

  test('frontmatter in the README order, through the YAML library: what is written reads back as meant', () => {
    const source = folder({ 'db/Lag.md': '---\ntitle: "Lag: #1 @primary - [x]"\ntags: [db, 5]\nlayout: evil\n---\n\nReplicas lag: reads are stale.\n' });
    const [page] = planImport(source, [rule('DBLag', `${OLD}/db/lag/`, 'critical')], target(), OPTIONS).pages;
    const { yaml } = splitFrontmatter(page!.text);
    assert.equal(
      yaml,
      [
        'title: "Lag: #1 @primary - [x]"',
        'summary: "Replicas lag: reads are stale."',
        'service: db',
        'severity: critical',
        'alerts: [DBLag]',
        'sla:',
        '  response: 15m',
        'tags: [db, "5"]',
      ].join('\n'),
    );
    const parsed = parseSourcePage('content/runbooks/db/Lag.md', 'db/Lag', page!.text);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.page.data?.title, 'Lag: #1 @primary - [x]');
    assert.deepEqual(page!.dropped, { layout: 'evil' });
  });

  test('alerts from the rules that link the page; the severity is the highest their labels map to', () => {
    const rules = [
      rule('DiskFull', `${OLD}/node/diskfull`, 'warning'),
      rule('DiskFull', 'https://elsewhere.example.com/x/node/DiskFull.md', 'critical'),
      rule('DiskInodes', `${OLD}/node/diskfull/`, 'info'),
      rule('Clock', `${OLD}/node/clock`, 'page'),
      rule('Nowhere', `${OLD}/node/nowhere`, 'warning'),
      rule('Templated', `${OLD}/{{ $labels.alertname }}`),
      rule('NoUrl', undefined),
    ];
    const source = folder({ 'node/DiskFull.md': 'Disk.\n', 'node/Clock.md': 'Clock.\n', 'node/Quiet.md': 'Quiet.\n' });
    const plan = planImport(source, rules, target(), OPTIONS);
    const fields = (path: string) => plan.pages.find((page) => page.source === path)!.fields;
    assert.deepEqual(fields('node/DiskFull.md').alerts?.value, ['DiskFull', 'DiskInodes']);
    assert.deepEqual(fields('node/DiskFull.md').severity, {
      value: 'critical',
      source: 'rules',
      detail: 'warning → high, critical → critical, info → low: the highest',
    });
    assert.equal(fields('node/DiskFull.md').response?.value, '15m');
    // A label nothing maps: the default severity, and a note saying how to map it.
    assert.deepEqual(fields('node/Clock.md').severity?.source, 'default');
    assert.match(plan.pages.find((page) => page.source === 'node/Clock.md')!.notes.join(), /--severity-map page=<level>/);
    assert.deepEqual(fields('node/Quiet.md').alerts, { value: [], source: 'no rule links it', detail: undefined });
    assert.deepEqual(plan.unlinked, ['node/Quiet.md']);
    assert.deepEqual(
      plan.unmatchedRules.map((entry) => [entry.alert, entry.reason]),
      [
        ['Nowhere', 'its path ends with no page of the folder'],
        ['Templated', 'its address is a template, which only the firing alert fills in'],
      ],
    );
    assert.deepEqual(
      plan.rulesWithoutUrl.map((entry) => entry.alert),
      ['NoUrl'],
    );
    // --severity-map overrides the defaults.
    const mapped = planImport(source, rules, target(), { ...OPTIONS, severityMap: { ...DEFAULT_SEVERITY_MAP, critical: 'high', page: 'critical' } });
    assert.equal(mapped.pages.find((page) => page.source === 'node/Clock.md')!.fields.severity?.value, 'critical');
    assert.equal(mapped.pages.find((page) => page.source === 'node/DiskFull.md')!.fields.severity?.value, 'high');
  });

  test('an alert belongs to one runbook: one the content root has, or the first page a rule links it to', () => {
    const rules = [rule('Taken', `${OLD}/a/one`), rule('Twice', `${OLD}/a/one`), rule('Twice', `${OLD}/a/two`), rule('bad name!', `${OLD}/a/two`)];
    const plan = planImport(
      folder({ 'a/one.md': 'One.\n', 'a/two.md': 'Two.\n' }),
      rules,
      target({ pages: [{ slug: 'x/y', file: 'content/runbooks/x/y.md', alerts: ['taken'] }] }),
      OPTIONS,
    );
    const one = plan.pages.find((page) => page.source === 'a/one.md')!;
    const two = plan.pages.find((page) => page.source === 'a/two.md')!;
    assert.deepEqual(one.fields.alerts?.value, ['Twice']);
    assert.match(one.notes[0]!, /^alert Taken \(rules\.yml:\d+\) left out: content\/runbooks\/x\/y\.md already handles it/);
    assert.deepEqual(two.fields.alerts?.value, []);
    assert.match(two.notes.join('\n'), /alert Twice \(rules\.yml:\d+\) left out: old\/a\/one\.md already handles it/);
    assert.match(two.notes.join('\n'), /alert "bad name!" .* left out: expected an alert name of letters/);
  });

  test('never overwrites: a page whose runbook is there is present, and a second plan writes nothing', () => {
    const source = folder({ 'a/one.md': 'One.\n', 'a/two.md': 'Two.\n' }, { 'a/graph.png': PNG });
    const first = planImport(source, [], target(), OPTIONS);
    assert.deepEqual(
      first.pages.map((page) => page.target),
      ['a/one.md', 'a/two.md'],
    );
    assert.equal(first.environments, true);
    const after = target({
      pages: first.pages.map((page) => ({ slug: page.slug, file: `content/runbooks/${page.target}`, alerts: [] })),
      files: new Set(['a/one.md', 'a/two.md', 'a/graph.png']),
      hasEnvironmentsFile: true,
    });
    const second = planImport(source, [], after, OPTIONS);
    assert.deepEqual(second.pages, []);
    assert.deepEqual(second.files, []);
    assert.equal(second.environments, false);
    assert.deepEqual(
      second.present.map((page) => page.source),
      ['a/one.md', 'a/two.md'],
    );
  });

  test('images go with their pages; one the build could not read keeps the page out', () => {
    const source = folder(
      {
        'a/ok.md': 'Ok.\n\n![graph](img/graph.png)\n',
        'a/missing.md': 'Missing.\n\n![graph](nothere.png)\n',
        'a/vector.md': 'Vector.\n\n![diagram](diagram.svg)\n',
        'a/fake.md': 'Fake.\n\n![graph](fake.png)\n',
        'a/outside.md': 'Outside.\n\n![x](../../../etc/x.png)\n',
        'a/linker.md': 'Links [missing](missing.md).\n',
      },
      { 'a/img/graph.png': PNG, 'a/diagram.svg': SVG, 'a/fake.png': new TextEncoder().encode('<html>404</html>'), 'a/notes.txt': new Uint8Array() },
    );
    const plan = planImport(source, [], target({ files: new Set(['a/notes.txt']) }), OPTIONS);
    assert.deepEqual(
      plan.pages.map((page) => page.source),
      ['a/linker.md', 'a/ok.md'],
    );
    assert.deepEqual(
      plan.refused.map((page) => [page.source, page.reasons]),
      [
        ['a/fake.md', ['old/a/fake.md:3: image fake.png is not a PNG, JPEG, GIF, WebP or AVIF file, and the build stops on an image it cannot read']],
        ['a/missing.md', ['old/a/missing.md:3: image nothere.png: no such file in the folder, and the build stops on a missing image']],
        ['a/outside.md', ['old/a/outside.md:3: image ../../../etc/x.png: it leads outside the folder being imported']],
        ['a/vector.md', ['old/a/vector.md:3: image diagram.svg is an SVG, which can carry scripts and which the build publishes as it is: save it as PNG']],
      ],
    );
    // The link to a refused page is left as written (and the check then decides about the page that has it).
    assert.deepEqual(plan.pages[0]!.unresolved, [{ line: 1, target: 'missing.md', reason: 'a/missing.md is not imported' }]);
    assert.deepEqual(plan.files, [
      { source: 'a/diagram.svg', target: 'a/diagram.svg' },
      { source: 'a/fake.png', target: 'a/fake.png' },
      { source: 'a/img/graph.png', target: 'a/img/graph.png' },
    ]);
    assert.deepEqual(plan.filesPresent, [{ source: 'a/notes.txt', target: 'a/notes.txt' }]);
  });

  test('section pages: reference pages when they say something, skipped when not, incidents when a rule links them', () => {
    const source = folder({
      'a/_index.md': '---\ntitle: A\n---\n\nAll about A.\n',
      'b/_index.md': '---\ntitle: B\nweight: 2\n---\n\n',
      'c/README.md': '# C\n\nC is paged.\n',
      'a/one.md': '---\ndraft: true\n---\nOne.\n',
      'a/One.mdx': 'Also one.\n',
      'a/one.mdx': 'The same slug as One? No: slugs keep case.\n',
    });
    const plan = planImport(source, [rule('CDown', `${OLD}/c/`, 'critical')], target(), OPTIONS);
    assert.deepEqual(
      plan.pages.map((page) => [page.target, page.fields.kind.value]),
      [
        ['a/One.mdx', 'incident'],
        ['a/_index.md', 'reference'],
        ['a/one.mdx', 'incident'],
        ['c/README.md', 'incident'],
      ],
    );
    assert.deepEqual(plan.skipped, [
      { source: 'a/one.md', reason: 'draft: true (the old site did not publish it either)' },
      { source: 'b/_index.md', reason: 'a section page with nothing but a title' },
    ]);
    assert.deepEqual(planImport(folder({ 'a/x.md': 'X.\n', 'a/x.markdown': 'X again.\n' }), [], target(), OPTIONS).skipped, [
      { source: 'a/x.md', reason: 'it would be the same runbook as a/x.markdown (a/x): rename one of them' },
    ]);
  });

  test("placeholders that no environment defines become the reader's inputs", () => {
    const source = folder({ 'a/p.md': 'P.\n\n```bash\nkubectl -n {{namespace}} logs {{pod}} {{env}}\n```\n\n```bash noplaceholders\necho {{literal}}\n```\n' });
    const environments = { production: { label: 'Production', vars: { namespace: 'x' }, services: {} } };
    const [page] = planImport(source, [], target({ environments, hasEnvironmentsFile: true }), OPTIONS).pages;
    assert.deepEqual(page!.fields.inputs, { value: ['pod'], source: 'placeholders no environment defines' });
  });

  test("the check's verdicts: check_snippets: false, or the page refused and links to it left as written", () => {
    const source = folder({ 'a/bad.md': 'Bad.\n', 'a/fails.md': 'Fails.\n', 'a/links.md': 'See [bad]({{< ref "bad.md" >}}).\n' });
    const verdicts: Verdicts = {
      refused: new Map([['a/bad.md', ['old/a/bad.md:4:1: <script> is not allowed']]]),
      uncheckedSnippets: new Map([['a/fails.md', 'old/a/fails.md:9:3: bash: syntax error']]),
    };
    const plan = planImport(source, [], target(), OPTIONS, verdicts);
    assert.deepEqual(plan.refused, [{ source: 'a/bad.md', reasons: ['old/a/bad.md:4:1: <script> is not allowed'] }]);
    const fails = plan.pages.find((page) => page.source === 'a/fails.md')!;
    assert.match(fails.text, /\ncheck_snippets: false\n---\n/);
    assert.equal(fails.snippetError, 'old/a/fails.md:9:3: bash: syntax error');
    const links = plan.pages.find((page) => page.source === 'a/links.md')!;
    assert.deepEqual(links.edits, []);
    assert.equal(links.unresolved[0]?.target, 'bad.md');
  });
});
