import {
  type Document,
  isAlias,
  isCollection,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  Scalar,
  type ToStringOptions,
  visit,
} from 'yaml';
import { MAX_ALIAS_COUNT, tooManyAliases } from '../content/yaml.ts';
import { yamlErrorText } from '../errors.ts';

/** An alerting rule (`- alert: …`) of a Prometheus rule file, with where it is written. */
export interface AlertRule {
  alert: string;
  /** Index of the YAML document in the file (documents are separated by `---`). */
  document: number;
  /** Path of the rule in its document, for `Document.setIn`: `['spec', 'groups', 0, 'rules', 2]`. */
  path: (string | number)[];
  /** Line and column of the alert name. */
  line: number;
  column: number;
  /** `annotations.runbook_url` as written; `undefined` when there is none. */
  runbookUrl: unknown;
  /** Where the runbook_url's value is written, when it is found in the rule's own annotations (or their anchor). */
  runbookUrlAt?: ValuePosition | undefined;
  /** `expr`, the PromQL expression; `undefined` when there is none. */
  expr?: unknown;
  /**
   * The rule's own `labels:` (`severity: critical`), anchors and merge keys resolved; values that are not scalars are
   * left out. `npm run import` reads the severity from them.
   */
  labels?: Record<string, string> | undefined;
}

/**
 * Where a scalar's value starts. `verbatim` when its characters stand one for one on that line (a one-line plain or
 * quoted scalar without escapes): then the value's character `i` is at `column + i`.
 */
export interface ValuePosition {
  line: number;
  column: number;
  verbatim: boolean;
}

/** Something that keeps a rule file from being read, at a line and column of the file. */
export interface RuleFileProblem {
  line: number;
  column: number;
  message: string;
}

export interface RuleFile {
  rules: AlertRule[];
  /** YAML errors (then `rules` is empty: a half-read file would report alerts as missing) or rule groups of the wrong shape. */
  problems: RuleFileProblem[];
}

// Prometheus reads rule files with Go's yaml.v3, which applies `<<` merge keys; so do we.
const PARSE_OPTIONS = { merge: true } as const;

/**
 * Finds the alerting rules of a Prometheus rule file: plain rule files (`groups:` at the top) and Kubernetes
 * `PrometheusRule` manifests (`spec.groups`), any number of documents per file. Recording rules (`record:`) and
 * documents that hold no rules (a Deployment, a kustomization) are skipped.
 */
export function parseRuleFile(text: string): RuleFile {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  const at = (offset: number | undefined) => lineCounter.linePos(offset ?? 0);
  const problems: RuleFileProblem[] = [];

  const yamlErrors = documents.flatMap((doc) => doc.errors);
  if (yamlErrors.length > 0) {
    for (const error of yamlErrors) {
      const position = error.linePos?.[0] ?? at(error.pos[0]);
      problems.push({ line: position.line, column: position.col, message: `invalid YAML: ${yamlErrorText(error)}` });
    }
    return { rules: [], problems };
  }

  const rules: AlertRule[] = [];
  documents.forEach((doc, document) => {
    const groupsPath = ruleGroupsPath(doc);
    if (!groupsPath) return;
    const groups = doc.getIn(groupsPath, true);
    if (!isSeq(groups)) {
      const position = at(isNode(groups) ? groups.range?.[0] : doc.contents?.range?.[0]);
      problems.push({ line: position.line, column: position.col, message: `${groupsPath.join('.')}: expected a list of rule groups` });
      return;
    }
    groups.items.forEach((group, groupIndex) => {
      if (!isMap(group) || !group.has('rules')) return;
      const list = group.get('rules', true);
      if (!isSeq(list)) {
        const position = at(isNode(list) ? list.range?.[0] : group.range?.[0]);
        problems.push({ line: position.line, column: position.col, message: 'rules: expected a list of rules' });
        return;
      }
      list.items.forEach((rule, ruleIndex) => {
        if (!isMap(rule) || !rule.has('alert')) return;
        const name = rule.get('alert', true);
        const position = at(isNode(name) ? name.range?.[0] : rule.range?.[0]);
        if (!isScalar(name) || typeof name.value !== 'string' || name.value === '') {
          problems.push({ line: position.line, column: position.col, message: 'alert: expected an alert name' });
          return;
        }
        // toJS resolves anchors and merge keys, so shared annotations count as the rule's own; within the alias
        // limit of content (src/lib/content/yaml.ts), so an alias bomb is a problem at the rule, not a crash.
        let data: { annotations?: unknown; expr?: unknown; labels?: unknown };
        try {
          data = rule.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) as { annotations?: unknown; expr?: unknown; labels?: unknown };
        } catch {
          problems.push({
            line: position.line,
            column: position.col,
            message: tooManyAliases(),
          });
          return;
        }
        const annotations = data.annotations && typeof data.annotations === 'object' ? (data.annotations as Record<string, unknown>) : {};
        rules.push({
          alert: name.value,
          document,
          path: [...groupsPath, groupIndex, 'rules', ruleIndex],
          line: position.line,
          column: position.col,
          runbookUrl: annotations['runbook_url'],
          runbookUrlAt: runbookUrlPosition(doc, rule.get('annotations', true), text, lineCounter),
          expr: data.expr,
          labels: scalarLabels(data.labels),
        });
      });
    });
  });
  return { rules, problems };
}

/** The label values of a rule's `labels:` map as Prometheus reads them (strings), or undefined without one. */
function scalarLabels(labels: unknown): Record<string, string> | undefined {
  if (!labels || typeof labels !== 'object' || Array.isArray(labels)) return undefined;
  return Object.fromEntries(
    Object.entries(labels).flatMap(([name, value]) =>
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? [[name, String(value)]] : [],
    ),
  );
}

/** Where the value of `runbook_url` is written in `annotations` (a map, or an alias of one). */
function runbookUrlPosition(doc: Document.Parsed, annotations: unknown, text: string, lineCounter: LineCounter): ValuePosition | undefined {
  const map = isAlias(annotations) ? annotations.resolve(doc) : annotations;
  const value = isMap(map) ? map.get('runbook_url', true) : undefined;
  if (!isScalar(value) || !value.range) return undefined;
  const [start, end] = value.range;
  const written = text.slice(start, end);
  const quoted = value.type === Scalar.QUOTE_SINGLE || value.type === Scalar.QUOTE_DOUBLE;
  const inner = quoted ? written.slice(1, -1) : written;
  const verbatim = (quoted || value.type === Scalar.PLAIN) && !written.includes('\n') && inner === value.value;
  const position = lineCounter.linePos(verbatim && quoted ? start + 1 : start);
  return { line: position.line, column: position.col, verbatim };
}

/** Where the rule groups of a document are, or `undefined` when it is not a rule document. */
function ruleGroupsPath(doc: Document.Parsed): string[] | undefined {
  if (!isMap(doc.contents)) return undefined;
  if (doc.get('kind') === 'PrometheusRule') return ['spec', 'groups'];
  return doc.has('groups') ? ['groups'] : undefined;
}

/** A `runbook_url` to write into the rule at `path` of document `document`. */
export interface RunbookUrlFix {
  document: number;
  path: (string | number)[];
  url: string;
}

/**
 * Writes `runbook_url` annotations into a rule file through the YAML library's document API, so that comments,
 * quoting and block scalars survive. Only the documents that change are re-serialised; the others are kept byte
 * for byte. Returns the new text and the fixes applied: a rule whose annotations are shared (an anchor or alias) or
 * inherited (`<<`) is left alone, since writing there would change other rules or drop what is inherited.
 */
export function fixRuleFile(text: string, fixes: readonly RunbookUrlFix[]): { text: string; applied: RunbookUrlFix[] } {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  if (documents.some((doc) => doc.errors.length > 0)) return { text, applied: [] };

  const applied: RunbookUrlFix[] = [];
  const changed = new Set<number>();
  for (const fix of fixes) {
    const doc = documents[fix.document];
    const rule = doc?.getIn(fix.path, true);
    if (!doc || !isMap(rule)) continue;
    const annotationsPath = [...fix.path, 'annotations'];
    const annotations = rule.get('annotations', true);
    const merges = rule.items.some((pair) => isScalar(pair.key) && pair.key.source === '<<');
    // An anchored map is shared with the rules that alias it; writing into it would give them this alert's URL.
    if (isMap(annotations) && !annotations.anchor) doc.setIn([...annotationsPath, 'runbook_url'], fix.url);
    // A rule without annotations of its own may inherit them through `<<`; its own would replace them all.
    else if (!merges && (annotations === undefined || (isScalar(annotations) && annotations.value === null)))
      doc.setIn(annotationsPath, doc.createNode({ runbook_url: fix.url }));
    else continue;
    applied.push(fix);
    changed.add(fix.document);
  }
  if (changed.size === 0) return { text, applied };

  // A document's text runs from where the one before it ends (after its content and any `...`) to where it ends
  // itself; the first one from 0. So its preamble (comments, `%YAML`, `---`) is in its own piece, which is what
  // `toString` writes for it: starting at its `---` put the preamble in the piece before, written twice or dropped.
  const starts = documents.map((_, index) => (index === 0 ? 0 : documents[index - 1]!.range[2]));
  const pieces = documents.map((doc, index) => {
    const source = text.slice(starts[index], starts[index + 1] ?? text.length);
    return changed.has(index) ? doc.toString(layoutOf(doc, lineCounter, text)) : source;
  });
  const fixed = pieces.join('');
  // The library picks the quoting of a new value; a URL with `{{ … }}` inside a flow mapping (`{runbook_url: …}`) is
  // where that could go wrong. A file that does not read back with exactly the URLs written is not written at all.
  const readBack = parseRuleFile(fixed).rules;
  const same = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.length === b.length && a.every((part, index) => part === b[index]);
  const readsBack = applied.every((fix) => readBack.some((rule) => rule.document === fix.document && same(rule.path, fix.path) && rule.runbookUrl === fix.url));
  return readsBack ? { text: fixed, applied } : { text, applied: [] };
}

/**
 * Serialisation options that reproduce the document's own layout where the library lets us choose: indentation,
 * whether sequences are indented under their key (`groups:\n- name` or `groups:\n  - name`), padding inside flow
 * collections, and no folding of long lines (PromQL expressions and descriptions are often longer than 80 columns).
 */
function layoutOf(doc: Document.Parsed, lineCounter: LineCounter, text: string): ToStringOptions {
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  let flowCollectionPadding: boolean | undefined;
  visit(doc, {
    Pair(_, pair) {
      const { key, value } = pair;
      if (!isNode(key) || !key.range || !isCollection(value) || !value.range) return;
      if (value.flow) {
        if (value.items.length > 0) flowCollectionPadding ??= text[value.range[0] + 1] === ' ';
        return;
      }
      const keyPosition = lineCounter.linePos(key.range[0]);
      const valuePosition = lineCounter.linePos(value.range[0]);
      if (valuePosition.line === keyPosition.line) return;
      if (isSeq(value)) indentSeq ??= valuePosition.col > keyPosition.col;
      if (valuePosition.col > keyPosition.col) indent ??= valuePosition.col - keyPosition.col;
    },
  });
  return { indent: indent ?? 2, indentSeq: indentSeq ?? true, flowCollectionPadding: flowCollectionPadding ?? true, lineWidth: 0 };
}
