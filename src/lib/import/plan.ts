import { posix } from 'node:path';
import type { LocatedRule } from '../alerts/coverage.ts';
import { SUMMARY_STAND_IN } from '../checks/summary-stand-in.ts';
import { parseCodeMeta } from '../commands/code-meta.ts';
import { environmentNames } from '../commands/environment-values.ts';
import { scanPlaceholders } from '../commands/placeholders.ts';
import { formatAuthorDuration, formatDuration } from '../content/durations.ts';
import { severityLevel } from '../content/lookups.ts';
import { pageSlug } from '../content/page-slug.ts';
import { type Severity, slugSchema } from '../content/schemas/common.ts';
import type { Environments } from '../content/schemas/environments.ts';
import { alertNameSchema } from '../content/schemas/runbook.ts';
import type { SeverityData } from '../content/schemas/severity.ts';
import { RESERVED_INPUT_NAMES } from '../web/link-values.ts';
import { type BodyLink, type BodyShortcode, bodyLinks, destinationText } from './body-links.ts';
import { frontMatterText } from './front-matter.ts';
import { imageFormat, RASTER_FORMATS } from './image-format.ts';
import { longestSuffixMatch, pageKey, sameKey, urlSegments } from './old-paths.ts';
import { linkRules, ruleLine, rulesSeverity } from './rule-links.ts';
import { hasContent, isDraft, pageSummary, pageTitle, readSourcePage, type SourceFile, type SourcePage } from './source-page.ts';

/**
 * `npm run import` as a plan: which pages of an old collection become which runbooks, with what frontmatter and
 * which link targets rewritten, which files go with them, and everything the author has to know. No I/O: the
 * caller reads the folder, the rules and the content root (src/node/import-source.ts), and writes what the plan
 * says (src/node/import-write.ts). The content checks decide the rest (verdicts.ts): the plan is made again with
 * their verdicts until it stands.
 */

/** The folder being imported, as read. */
export interface SourceFolder {
  /** The folder as messages name it. */
  label: string;
  /** Its own name: the group and service of the pages at its top when there is no `--service`. */
  name: string;
  /** Its `.md`, `.mdx` and `.markdown` files, paths relative to it with `/`. */
  pages: SourceFile[];
  /** Every other file, with its first bytes (IMAGE_HEAD_BYTES), which tell an image from a file named like one. */
  files: { path: string; head: Uint8Array }[];
  /** What was not read (links, unreadable or non-UTF-8 files), and why. */
  unread: { path: string; reason: string }[];
}

/** The content root the runbooks go into, as it is before the import. */
export interface TargetRoot {
  /** Its `runbooks` folder as messages name it (`content/runbooks`). */
  label: string;
  pages: readonly { slug: string; file: string; alerts: readonly string[] }[];
  /** Every file under `runbooks/` (relative to it, `/`), pages included: nothing there is ever overwritten. */
  files: ReadonlySet<string>;
  /** `environments.yaml` as read; `undefined` when it is missing (the import writes one) or invalid. */
  environments: Environments | undefined;
  hasEnvironmentsFile: boolean;
  severity: SeverityData;
}

export interface ImportOptions {
  /** `--service`: the service of every page, instead of its top folder. */
  service?: string | undefined;
  /** Rule `severity` label → our severity: the defaults (rule-links.ts) with `--severity-map` over them. */
  severityMap: Readonly<Record<string, Severity>>;
  /** `--default-severity`: the severity of a page no rule with a known severity label links. */
  defaultSeverity: Severity;
}

/** What the content checks said of an earlier plan's pages (by source path). */
export interface Verdicts {
  /** Pages that cannot be imported, with the problems `npm run check` would report on them. */
  refused: ReadonlyMap<string, readonly string[]>;
  /** Pages whose snippets fail the snippet check, with the first error: they get `check_snippets: false`. */
  uncheckedSnippets: ReadonlyMap<string, string>;
}

const NO_VERDICTS: Verdicts = { refused: new Map(), uncheckedSnippets: new Map() };

/** A frontmatter field as import filled it in, and where from: the report's "title: heading". */
export interface Inferred<T> {
  value: T;
  source: string;
  /** More on the source: the rules and their lines, the severity labels. */
  detail?: string | undefined;
}

export interface PageFields {
  title: Inferred<string>;
  summary: Inferred<string>;
  service: Inferred<string>;
  kind: Inferred<'incident' | 'reference'>;
  alerts?: Inferred<string[]> | undefined;
  severity?: Inferred<Severity> | undefined;
  response?: Inferred<string> | undefined;
  tags?: Inferred<string[]> | undefined;
  inputs?: Inferred<string[]> | undefined;
}

/** One replaced span of a body: offsets in the body as it was, and the text before and after. */
export interface BodyEdit {
  start: number;
  end: number;
  line: number;
  from: string;
  to: string;
}

/** A runbook the import writes. */
export interface PlannedPage {
  /** Path in the old collection. */
  source: string;
  /** Path under the content root's `runbooks/`. */
  target: string;
  slug: string;
  /** The whole new file: the new frontmatter, then the body. */
  text: string;
  /** Where the body starts in `text`. */
  bodyStart: number;
  /** The line of the old page its body starts on. */
  sourceBodyLine: number;
  edits: BodyEdit[];
  fields: PageFields;
  /** Old front matter keys not carried over, with their values. */
  dropped: Record<string, unknown>;
  shortcodes: BodyShortcode[];
  /** Links left as written because they lead to no page or file of the collection, and why. */
  unresolved: { line: number; target: string; reason: string }[];
  /** The first snippet error, when the page gets `check_snippets: false`. */
  snippetError?: string | undefined;
  /** Things the author should know that are not a field: an alert another page has, a label nothing maps. */
  notes: string[];
}

export interface ImportPlan {
  pages: PlannedPage[];
  /** Pages whose runbook is already there (same slug): never overwritten. */
  present: { source: string; file: string }[];
  /** Pages not imported and rightly so: drafts, empty section pages, unreadable front matter … */
  skipped: { source: string; reason: string }[];
  /** Pages that cannot be imported as they are: what the author must fix in the old collection. */
  refused: { source: string; reasons: string[] }[];
  /** Files copied with the pages. */
  files: { source: string; target: string }[];
  /** Files that are already there. */
  filesPresent: { source: string; target: string }[];
  unread: { path: string; reason: string }[];
  unmatchedRules: { file: string; line: number; alert: string; url: string; reason: string }[];
  rulesWithoutUrl: { file: string; line: number; alert: string }[];
  /** Incident pages no rule links: they get `alerts: []` and the default severity. */
  unlinked: string[];
  /** Whether the content root gets a minimal `environments.yaml`. */
  environments: boolean;
}

/** The state of a page of the old collection while planning. */
interface Entry {
  page: SourcePage;
  target: string;
  slug: string;
  service: string;
  /** Whether `--service` or the folder gave the service. */
  serviceSource: string;
  state: 'import' | 'present' | 'skipped' | 'refused';
}

/** Markdown files by their extension as the old collection spells it → the extension of the runbook. */
const PAGE_EXTENSIONS: Record<string, '.md' | '.mdx'> = { '.md': '.md', '.mdx': '.mdx', '.markdown': '.md' };

export function pageExtension(path: string): '.md' | '.mdx' | undefined {
  const extension = posix.extname(path).toLowerCase();
  return Object.hasOwn(PAGE_EXTENSIONS, extension) ? PAGE_EXTENSIONS[extension] : undefined;
}

export function planImport(
  source: SourceFolder,
  rules: readonly LocatedRule[],
  target: TargetRoot,
  options: ImportOptions,
  verdicts: Verdicts = NO_VERDICTS,
): ImportPlan {
  // A page refused while planning (an image the build cannot read) can be a link target of pages planned before
  // it: plan again without it, until no page is refused that was not refused from the start.
  const refused = new Map(verdicts.refused);
  for (;;) {
    const { plan, found } = attempt(source, rules, target, options, { refused, uncheckedSnippets: verdicts.uncheckedSnippets });
    if (found.size === 0) return plan;
    for (const [path, reasons] of found) refused.set(path, reasons);
  }
}

function attempt(
  source: SourceFolder,
  rules: readonly LocatedRule[],
  target: TargetRoot,
  options: ImportOptions,
  verdicts: Verdicts,
): { plan: ImportPlan; found: Map<string, string[]> } {
  const found = new Map<string, string[]>();
  const plan: ImportPlan = {
    pages: [],
    present: [],
    skipped: [],
    refused: [],
    files: [],
    filesPresent: [],
    unread: source.unread,
    unmatchedRules: [],
    rulesWithoutUrl: [],
    unlinked: [],
    environments: !target.hasEnvironmentsFile,
  };
  const shownSource = (path: string) => `${source.label}/${path}`;

  // 1. Read every page and place it: the target path keeps the folders and the file name; a page at the top of the
  // folder goes into a folder named after its service, since a runbook needs a group.
  const entries: Entry[] = [];
  const presentSlugs = new Map(target.pages.map((page) => [page.slug, page.file]));
  const bySlug = new Map<string, Entry>();
  for (const file of [...source.pages].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const read = readOnce(file);
    if (!read.ok) {
      plan.skipped.push({ source: file.path, reason: read.reason });
      continue;
    }
    const page = read.page;
    const top = page.path.includes('/') ? page.path.split('/')[0]! : undefined;
    const service = options.service ?? slugify(top ?? source.name);
    if (!slugSchema.safeParse(service).success) {
      plan.skipped.push({ source: page.path, reason: `its folder's name ${JSON.stringify(top ?? source.name)} makes no service name: pass --service` });
      continue;
    }
    const extension = pageExtension(page.path)!;
    const withoutExtension = page.path.slice(0, page.path.length - posix.extname(page.path).length);
    const targetPath = `${top === undefined ? `${service}/` : ''}${withoutExtension}${extension}`;
    const entry: Entry = {
      page,
      target: targetPath,
      slug: pageSlug(targetPath),
      service,
      serviceSource: options.service ? '--service' : 'folder',
      state: 'import',
    };
    entries.push(entry);
    if (isDraft(page)) {
      entry.state = 'skipped';
      plan.skipped.push({ source: page.path, reason: 'draft: true (the old site did not publish it either)' });
      continue;
    }
    const present = presentSlugs.get(entry.slug);
    if (present !== undefined) {
      entry.state = 'present';
      plan.present.push({ source: page.path, file: present });
      continue;
    }
    const twin = bySlug.get(entry.slug);
    if (twin) {
      entry.state = 'skipped';
      plan.skipped.push({ source: page.path, reason: `it would be the same runbook as ${twin.page.path} (${entry.slug}): rename one of them` });
      continue;
    }
    bySlug.set(entry.slug, entry);
    const refused = verdicts.refused.get(page.path);
    if (refused) {
      entry.state = 'refused';
      plan.refused.push({ source: page.path, reasons: [...refused] });
    }
  }

  // 2. Which rules link which page. Drafts and refused pages are matched too, so a rule that points at one is
  // reported as such rather than as pointing nowhere.
  const byPath = new Map(entries.map((entry) => [entry.page.path, entry]));
  const ruleLinks = linkRules(
    rules,
    entries.map((entry) => ({ path: entry.page.path, keys: entry.page.keys })),
  );
  const ruleText = (rule: LocatedRule) => `${rule.file}:${ruleLine(rule)}`;
  const urlText = (rule: LocatedRule) => (typeof rule.runbookUrl === 'string' ? rule.runbookUrl : JSON.stringify(rule.runbookUrl));
  for (const { rule, reason } of ruleLinks.unmatched) {
    plan.unmatchedRules.push({ file: rule.file, line: ruleLine(rule), alert: rule.alert, url: urlText(rule), reason });
  }
  plan.rulesWithoutUrl = ruleLinks.withoutUrl.map((rule) => ({ file: rule.file, line: rule.line, alert: rule.alert }));

  // Each alert goes to one page (one alert, one runbook), the first that a rule links it to; an alert a runbook of
  // the content root already has stays there.
  const owners = new Map<string, { owner: string; shown: string }>();
  for (const page of target.pages) for (const alert of page.alerts) owners.set(alert.toLowerCase(), { owner: page.file, shown: page.file });
  const accepted = new Map<string, LocatedRule[]>();
  const notes = new Map<string, string[]>();
  const note = (path: string, text: string) => notes.set(path, [...(notes.get(path) ?? []), text]);
  for (const { rule, page } of ruleLinks.links) {
    const entry = byPath.get(page)!;
    if (entry.state === 'skipped' || entry.state === 'refused') {
      const why = entry.state === 'refused' ? 'which cannot be imported' : 'which is not imported';
      plan.unmatchedRules.push({ file: rule.file, line: ruleLine(rule), alert: rule.alert, url: urlText(rule), reason: `it leads to ${page}, ${why}` });
      continue;
    }
    if (entry.state === 'present') continue;
    const name = alertNameSchema.safeParse(rule.alert);
    if (!name.success) {
      note(page, `alert ${JSON.stringify(rule.alert)} (${ruleText(rule)}) left out: ${name.error.issues[0]?.message}`);
      continue;
    }
    const owner = owners.get(rule.alert.toLowerCase());
    if (owner && owner.owner !== page) {
      note(page, `alert ${rule.alert} (${ruleText(rule)}) left out: ${owner.shown} already handles it, and an alert belongs to one runbook`);
      continue;
    }
    owners.set(rule.alert.toLowerCase(), { owner: page, shown: shownSource(page) });
    accepted.set(page, [...(accepted.get(page) ?? []), rule]);
  }

  // A section page that says nothing (and that no rule links) is no runbook.
  for (const entry of entries) {
    if (entry.state !== 'import' || !entry.page.index || accepted.has(entry.page.path) || hasContent(entry.page)) continue;
    entry.state = 'skipped';
    plan.skipped.push({ source: entry.page.path, reason: 'a section page with nothing but a title' });
  }

  // 3. Where links lead: the pages and files of the collection by path, and pages by their old keys.
  const linkable = entries.filter((entry) => entry.state === 'import' || entry.state === 'present');
  const byKey = new Map<string, Entry[]>();
  for (const entry of linkable) {
    const key = pageKey(entry.page.path).join('/');
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  const fileHeads = new Map(source.files.map((file) => [file.path, file.head]));
  const finalSlugs = new Set([...presentSlugs.keys(), ...linkable.map((entry) => entry.slug)]);
  const fileTarget = (path: string) => (path.includes('/') ? path : `${options.service ?? slugify(source.name)}/${path}`);
  const wantedFiles = new Set<string>();

  // 4. Each page to import: its frontmatter, its links, and the files it needs.
  for (const entry of entries) {
    if (entry.state !== 'import') continue;
    const { page } = entry;
    const rulesOfPage = accepted.get(page.path) ?? [];
    const refusal: string[] = [];
    const kind: 'incident' | 'reference' = page.index && rulesOfPage.length === 0 ? 'reference' : 'incident';

    const { links, shortcodes } = bodyLinks(page);
    const at = (link: BodyLink) => `${shownSource(page.path)}:${page.bodyLine + link.line - 1}`;
    const edits: BodyEdit[] = [];
    const unresolved: PlannedPage['unresolved'] = [];
    for (const link of links) {
      const outcome = resolveLink(link, entry);
      if (outcome.kind === 'leave') continue;
      if (outcome.kind === 'unresolved') {
        if (link.kind === 'image') refusal.push(`${at(link)}: image ${link.target}: ${outcome.reason}`);
        else unresolved.push({ line: page.bodyLine + link.line - 1, target: link.target, reason: outcome.reason });
        continue;
      }
      if (outcome.kind === 'file') {
        if (link.kind === 'image') {
          const format = imageFormat(fileHeads.get(outcome.path)!);
          if (format === 'svg') {
            refusal.push(`${at(link)}: image ${link.target} is an SVG, which can carry scripts and which the build publishes as it is: save it as PNG`);
            continue;
          }
          if (!format || !RASTER_FORMATS.has(format)) {
            refusal.push(`${at(link)}: image ${link.target} is not a PNG, JPEG, GIF, WebP or AVIF file, and the build stops on an image it cannot read`);
            continue;
          }
        }
        wantedFiles.add(outcome.path);
      }
      const to = destinationText(outcome.target === undefined ? outcome.suffix : relativeLink(entry.target, outcome.target) + outcome.suffix, link.angle);
      const from = page.body.slice(link.start, link.end);
      if (to !== from) edits.push({ start: link.start, end: link.end, line: page.bodyLine + link.line - 1, from, to });
    }
    if (refusal.length > 0) {
      found.set(page.path, refusal);
      continue;
    }
    // Files beside the page go with it: the images and attachments its old theme showed.
    const folder = posix.dirname(page.path);
    for (const file of source.files) if (posix.dirname(file.path) === folder) wantedFiles.add(file.path);

    const title = pageTitle(page, source.name);
    const summary = pageSummary(page) ?? { value: SUMMARY_STAND_IN, source: 'stand-in' };
    const fields: PageFields = {
      title,
      summary,
      service: { value: entry.service, source: entry.serviceSource },
      kind: { value: kind, source: kind === 'reference' ? 'section page' : 'default' },
    };
    const alerts = [...new Set(rulesOfPage.map((rule) => rule.alert))];
    const fromRules = rulesSeverity(rulesOfPage, options.severityMap);
    for (const { label } of fromRules.labels.filter((entry) => entry.severity === undefined)) {
      note(page.path, `severity label ${JSON.stringify(label)} of its rules means nothing here: map it with --severity-map ${label}=<level>`);
    }
    if (kind === 'incident') {
      fields.alerts = {
        value: alerts,
        source: alerts.length > 0 ? 'rules' : 'no rule links it',
        detail: rulesOfPage.length > 0 ? rulesOfPage.map(ruleText).join(', ') : undefined,
      };
      if (alerts.length === 0) plan.unlinked.push(page.path);
      const known = fromRules.labels.filter((entry) => entry.severity !== undefined);
      const severity = fromRules.severity ?? options.defaultSeverity;
      fields.severity = fromRules.severity
        ? {
            value: severity,
            source: 'rules',
            detail: `${known.map((entry) => `${entry.label} → ${entry.severity}`).join(', ')}${known.length > 1 ? ': the highest' : ''}`,
          }
        : {
            value: severity,
            source: 'default',
            detail:
              fromRules.labels.length > 0
                ? `no severity of ours for its rules' label ${fromRules.labels.map((entry) => entry.label).join(', ')}`
                : rulesOfPage.length > 0
                  ? 'its rules have no severity label'
                  : undefined,
          };
      const minutes = severityLevel(target.severity, severity, entry.service).response;
      fields.response = { value: formatAuthorDuration(minutes), source: 'severity data', detail: `${severity}: ${formatDuration(minutes)}` };
    }
    const tags = keptTags(page.frontMatter['tags']);
    if (tags) fields.tags = { value: tags, source: 'front matter' };
    const inputs = readerInputs(page, target.environments, entry.service);
    if (inputs.length > 0) fields.inputs = { value: inputs, source: 'placeholders no environment defines' };

    const snippetError = verdicts.uncheckedSnippets.get(page.path);
    const frontMatter = frontMatterText({
      title: title.value,
      summary: summary.value,
      service: entry.service,
      severity: fields.severity?.value,
      alerts: fields.alerts?.value,
      response: fields.response?.value,
      kind: kind === 'reference' ? 'reference' : undefined,
      tags,
      inputs,
      checkSnippets: snippetError === undefined ? undefined : false,
    });
    plan.pages.push({
      source: page.path,
      target: entry.target,
      slug: entry.slug,
      text: frontMatter + applyEdits(page.body, edits),
      bodyStart: frontMatter.length,
      sourceBodyLine: page.bodyLine,
      edits,
      fields,
      dropped: droppedKeys(page.frontMatter, title.source, summary.source, tags !== undefined),
      shortcodes,
      unresolved,
      snippetError,
      notes: notes.get(page.path) ?? [],
    });
  }

  for (const path of [...wantedFiles].sort()) {
    const file = { source: path, target: fileTarget(path) };
    if (target.files.has(file.target)) plan.filesPresent.push(file);
    else plan.files.push(file);
  }
  // Rules in the order of the files and lines they are written at, whichever way they were found to lead nowhere.
  const fileOrder = new Map(rules.map((rule, index) => [rule.file, index]));
  plan.unmatchedRules.sort((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || a.line - b.line);
  // Only pages that are written make a new environments.yaml worth writing.
  plan.environments = plan.environments && plan.pages.length > 0;
  return { plan, found };

  /**
   * Where a link of the page at `from` leads. Hugo's `ref` resolves as Hugo does: relative to the page, then to
   * the folder, then by the end of the path; a Markdown link to a `.md` file or another file by its path, and a
   * link to an old page URL (`../kubepodcrashlooping/`, `/runbooks/kubernetes/kubepodcrashlooping/`) by the page
   * the old site served there.
   */
  function resolveLink(link: BodyLink, from: Entry): LinkOutcome {
    const hash = link.target.search(/[?#]/);
    const path = hash === -1 ? link.target : link.target.slice(0, hash);
    const suffix = hash === -1 ? '' : link.target.slice(hash);
    if (link.kind === 'ref') {
      if (path === '') return { kind: 'page', target: undefined, suffix };
      const found = refPage(path, from.page.path);
      return found
        ? { kind: 'page', target: found.target, suffix }
        : { kind: 'unresolved', reason: 'no page of the folder matches it; the shortcode is left as written' };
    }
    if (path === '' || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return { kind: 'leave' };
    const decoded = decodePath(path);
    if (path.startsWith('/')) {
      // Already a link of this site: `/runbooks/<slug>/` of a runbook that will be there, or an alert page.
      const own = /^\/runbooks\/(.+?)\/?$/.exec(decoded);
      if ((own?.[1] && finalSlugs.has(own[1])) || /^\/alerts\/[^/]+\/?$/.test(decoded)) return { kind: 'leave' };
      const segments = urlSegments(path);
      const { match } = segments ? longestSuffixMatch(segments, linkable, (entry) => entry.page.keys) : { match: undefined };
      return match ? { kind: 'page', target: match.target, suffix } : { kind: 'unresolved', reason: 'an absolute path that no page of the folder answered at' };
    }
    const outside = (path: string) => path === '..' || path.startsWith('../');
    const OUTSIDE: LinkOutcome = { kind: 'unresolved', reason: 'it leads outside the folder being imported' };
    const joined = posix.normalize(posix.join(posix.dirname(from.page.path), decoded));
    if (pageExtension(decoded) !== undefined) {
      if (outside(joined)) return OUTSIDE;
      const entry = byPath.get(joined) ?? uniqueKey(pageKey(joined));
      if (entry && (entry.state === 'import' || entry.state === 'present')) return { kind: 'page', target: entry.target, suffix };
      return { kind: 'unresolved', reason: entry ? `${entry.page.path} is not imported` : 'no such page in the folder' };
    }
    if (!outside(joined) && fileHeads.has(joined)) return { kind: 'file', target: fileTarget(joined), path: joined, suffix };
    if (link.kind === 'image') {
      return outside(joined) ? OUTSIDE : { kind: 'unresolved', reason: 'no such file in the folder, and the build stops on a missing image' };
    }
    // An old page URL is relative to the page's own URL: Hugo serves `a/b.md` at `a/b/` and `a/_index.md` at `a/`.
    const base = from.page.index ? posix.dirname(from.page.path) : from.page.path.replace(/\.[^./]+$/, '');
    const fromUrl = posix.normalize(posix.join(base, decoded));
    const entry = (outside(fromUrl) ? undefined : uniqueKey(pageKey(fromUrl))) ?? (outside(joined) ? undefined : uniqueKey(pageKey(joined)));
    if (entry) return { kind: 'page', target: entry.target, suffix };
    return outside(fromUrl) && outside(joined) ? OUTSIDE : { kind: 'unresolved', reason: 'no page or file of the folder is there' };
  }

  /** A Hugo `ref`/`relref` path: relative to the page, else to the folder, else the one page whose path ends so. */
  function refPage(path: string, from: string): Entry | undefined {
    const relative = path.startsWith('/') ? undefined : pageKey(posix.normalize(posix.join(posix.dirname(from), path)));
    const rooted = pageKey(path);
    for (const key of [relative, rooted]) {
      const entry = key && !key.includes('..') ? uniqueKey(key) : undefined;
      if (entry) return entry;
    }
    const byEnd = longestSuffixMatch(rooted, linkable, (entry) => entry.page.keys).match;
    if (byEnd) return byEnd;
    // A bare name (`ref "KubePodCrashLooping"`): the one page whose path ends with it, as Hugo finds it.
    const named = linkable.filter((entry) => entry.page.keys.some((key) => key.length >= rooted.length && sameKey(key.slice(-rooted.length), rooted)));
    return rooted.length > 0 && named.length === 1 ? named[0] : undefined;
  }

  function uniqueKey(key: readonly string[]): Entry | undefined {
    const found = byKey.get(key.join('/'));
    return found?.length === 1 ? found[0] : undefined;
  }
}

/** Each page is parsed once, however often the plan is made again with the check's verdicts. */
const parsed = new WeakMap<SourceFile, ReturnType<typeof readSourcePage>>();

function readOnce(file: SourceFile): ReturnType<typeof readSourcePage> {
  let read = parsed.get(file);
  if (!read) parsed.set(file, (read = readSourcePage(file)));
  return read;
}

type LinkOutcome =
  | { kind: 'leave' }
  | { kind: 'unresolved'; reason: string }
  /** `target` undefined: the page itself (an anchor of its own). */
  | { kind: 'page'; target: string | undefined; suffix: string }
  | { kind: 'file'; target: string; path: string; suffix: string };

/** The relative link from the runbook at `from` to the file at `to`, both paths under `runbooks/`. */
function relativeLink(from: string, to: string | undefined): string {
  if (to === undefined) return posix.basename(from);
  return posix.relative(posix.dirname(from), to) || posix.basename(to);
}

/** The body with each edit applied; every byte outside the edits stays as it was. */
export function applyEdits(body: string, edits: readonly BodyEdit[]): string {
  let out = '';
  let last = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    out += body.slice(last, edit.start) + edit.to;
    last = edit.end;
  }
  return out + body.slice(last);
}

/** `Kubernetes Alerts` → `kubernetes-alerts`: a folder's name as a service id. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Hugo's `tags`, when they are a list of words: the site's tags are searchable keywords too. */
function keptTags(tags: unknown): string[] | undefined {
  if (!Array.isArray(tags) || tags.length === 0) return undefined;
  if (!tags.every((tag) => typeof tag === 'string' || typeof tag === 'number')) return undefined;
  return tags.map(String);
}

/** The old front matter keys that are not carried over, with their values. */
function droppedKeys(frontMatter: Record<string, unknown>, titleSource: string, summarySource: string, tagsKept: boolean): Record<string, unknown> {
  const kept = new Set<string>();
  if (titleSource === 'front matter') kept.add('title');
  if (summarySource === 'front matter')
    kept.add(typeof frontMatter['summary'] === 'string' && frontMatter['summary'].trim() !== '' ? 'summary' : 'description');
  if (tagsKept) kept.add('tags');
  return Object.fromEntries(Object.entries(frontMatter).filter(([key]) => !kept.has(key)));
}

/**
 * The `{{placeholders}}` of the page's code that no environment defines for its service: the reader fills them in
 * (`inputs`), which is what the old page meant by them. `env` and `alert` cannot be inputs; the check reports them.
 */
function readerInputs(page: SourcePage, environments: Environments | undefined, service: string): string[] {
  const known = environments ? environmentNames(environments, service) : new Set<string>();
  const names = new Set<string>();
  const visit = (node: SourcePage['tree']['children'][number] | SourcePage['tree']): void => {
    if (node.type === 'code' && parseCodeMeta(node.meta ?? undefined).placeholders) {
      for (const { name } of scanPlaceholders(node.value).placeholders) if (!known.has(name) && !RESERVED_INPUT_NAMES.has(name)) names.add(name);
    }
    if ('children' in node) for (const child of node.children) visit(child as SourcePage['tree']['children'][number]);
  };
  visit(page.tree);
  return [...names];
}
