import { parser } from '@prometheus-io/lezer-promql';

/**
 * Which labels every series of an alerting rule's `expr` is certain to carry, worked out from the PromQL syntax tree
 * (`@prometheus-io/lezer-promql`), so that `alerts:check --fix --link-inputs` links an input to `{{ $labels.x }}`
 * only when the firing alert has `x`.
 *
 * The answer is a lower bound: a label in the set is on every series the expression can return (with a non-empty
 * value); a label outside it may be there or not. `'unknown'` when the expression does not parse, is not an instant
 * vector, or is built from something this analysis does not read. Both mean "link nothing more": a wrong guess would
 * put an empty value into every page link of the alert, a missed one only leaves the input to the reader.
 *
 * `__name__` is never in the set: most operations drop it, and it is no value a reader types.
 */
export type KnownLabels = ReadonlySet<string> | 'unknown';

export function knownSeriesLabels(expr: string): KnownLabels {
  if (expr.length > MAX_EXPRESSION_LENGTH) return 'unknown';
  const tree = parser.parse(expr);
  let broken = false;
  let depth = 0;
  tree.iterate({
    enter: (node) => {
      depth++;
      if (node.type.isError || depth > MAX_DEPTH) broken = true;
      return !broken;
    },
    leave: () => {
      depth--;
    },
  });
  if (broken) return 'unknown';
  const value = evaluate(tree.topNode, expr);
  return value.type === 'vector' ? value.labels : 'unknown';
}

/**
 * Bounds on what is read, far above any real rule (the longest kube-prometheus expressions run to a few hundred
 * characters and a dozen levels): the tree is walked recursively, and a rule file may come from anyone.
 */
const MAX_EXPRESSION_LENGTH = 16_384;
const MAX_DEPTH = 500;

type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

/** What a sub-expression gives: its PromQL type and, for vectors, the labels known present. */
type Value =
  | { type: 'vector' | 'matrix'; labels: ReadonlySet<string> }
  | { type: 'scalar' }
  | { type: 'string'; text: string | undefined }
  | { type: 'unknown' };

const UNKNOWN: Value = { type: 'unknown' };
const SCALAR: Value = { type: 'scalar' };
const NONE: ReadonlySet<string> = new Set();
const vector = (labels: Iterable<string>): Value => ({ type: 'vector', labels: new Set([...labels].filter((name) => name !== '__name__')) });

/** The node names of the grammar's `expr` alternatives (promql.grammar). */
const EXPRESSIONS = new Set([
  'AggregateExpr',
  'AnchoredExpr',
  'BinaryExpr',
  'FunctionCall',
  'MatrixSelector',
  'NumberDurationLiteral',
  'OffsetExpr',
  'ParenExpr',
  'SmoothedExpr',
  'StepInvariantExpr',
  'StringLiteral',
  'SubqueryExpr',
  'UnaryExpr',
  'VectorSelector',
]);

/** The child nodes; comments are in the tree too, as LineComment. */
function children(node: SyntaxNode): SyntaxNode[] {
  const list: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.name !== 'LineComment') list.push(child);
  return list;
}

const expressions = (node: SyntaxNode) => children(node).filter((child) => EXPRESSIONS.has(child.name));
const child = (node: SyntaxNode, name: string) => children(node).find((each) => each.name === name);

function evaluate(node: SyntaxNode, source: string): Value {
  switch (node.name) {
    case 'PromQL':
    case 'ParenExpr': {
      const inner = expressions(node);
      return inner.length === 1 ? evaluate(inner[0]!, source) : UNKNOWN;
    }
    // Where and when samples are read (`offset`, `@`, the `anchored`/`smoothed` range modifiers) changes no label.
    // The expression comes first; `@ 1609746000` is followed by a number.
    case 'OffsetExpr':
    case 'StepInvariantExpr':
    case 'AnchoredExpr':
    case 'SmoothedExpr': {
      const inner = expressions(node)[0];
      return inner ? evaluate(inner, source) : UNKNOWN;
    }
    case 'UnaryExpr': {
      const inner = expressions(node)[0];
      const value = inner ? evaluate(inner, source) : UNKNOWN;
      return value.type === 'vector' || value.type === 'scalar' ? value : UNKNOWN;
    }
    case 'NumberDurationLiteral':
      return SCALAR;
    case 'StringLiteral':
      return { type: 'string', text: stringText(node, source) };
    case 'VectorSelector': {
      const matchers = selectorMatchers(node, source);
      return matchers ? vector(matchers.filter((matcher) => matcher.op === 'EqlSingle' && matcher.filled).map((matcher) => matcher.name)) : UNKNOWN;
    }
    // A range of samples per series: `x[5m]` and the subquery `expr[1h:5m]` keep the series' labels.
    case 'MatrixSelector':
    case 'SubqueryExpr': {
      const inner = expressions(node);
      const value = inner.length === 1 ? evaluate(inner[0]!, source) : UNKNOWN;
      return value.type === 'vector' ? { type: 'matrix', labels: value.labels } : UNKNOWN;
    }
    case 'AggregateExpr':
      return aggregate(node, source);
    case 'FunctionCall':
      return call(node, source);
    case 'BinaryExpr':
      return binary(node, source);
    default:
      return UNKNOWN;
  }
}

interface Matcher {
  name: string;
  op: string;
  /** Whether the value is a non-empty string. */
  filled: boolean;
}

/**
 * The label matchers of a selector, in order; undefined when one cannot be read. A name written as a string with
 * escapes is left out: fewer matchers only ever means fewer labels claimed.
 */
function selectorMatchers(node: SyntaxNode, source: string): Matcher[] | undefined {
  const list = child(node, 'LabelMatchers');
  if (!list) return [];
  const matchers: Matcher[] = [];
  for (const matcher of children(list)) {
    // `{"metric.name"}`: a quoted metric name, no label.
    if (matcher.name !== 'UnquotedLabelMatcher' && matcher.name !== 'QuotedLabelMatcher') continue;
    const nameNode = matcher.firstChild;
    const op = child(matcher, 'MatchOp')?.firstChild?.name;
    const valueNode = child(matcher, 'StringLiteral');
    if (!nameNode || !op || !valueNode || !isClosed(valueNode, source)) return undefined;
    const name = nameNode.name === 'LabelName' ? source.slice(nameNode.from, nameNode.to) : quotedName(nameNode, source);
    if (name === undefined) continue;
    // An escape always stands for at least one character, so any text between the quotes is a non-empty value.
    matchers.push({ name, op, filled: valueNode.to - valueNode.from > 2 });
  }
  return matchers;
}

/** Whether a string literal ends with its opening quote: the grammar lets `"abc` through, Prometheus does not. */
function isClosed(node: SyntaxNode, source: string): boolean {
  const raw = source.slice(node.from, node.to);
  return raw.length >= 2 && raw.at(-1) === raw[0];
}

/**
 * The text of a string literal; undefined when it is not closed or holds escapes (`"\\d"`), which this analysis
 * does not decode: it then claims nothing that depends on the text.
 */
function stringText(node: SyntaxNode, source: string): string | undefined {
  if (!isClosed(node, source)) return undefined;
  const raw = source.slice(node.from, node.to);
  const inner = raw.slice(1, -1);
  return raw[0] !== '`' && inner.includes('\\') ? undefined : inner;
}

/** A label name written as a string (`{"service.name"="x"}`, `by ("service.name")`). */
function quotedName(node: SyntaxNode, source: string): string | undefined {
  const literal = node.name === 'QuotedLabelName' ? node.firstChild : node;
  const text = literal ? stringText(literal, source) : undefined;
  return text === '' ? undefined : text;
}

/** The names in `by (…)`, `on (…)`, `group_left (…)`; undefined when one cannot be read. */
function groupingLabels(node: SyntaxNode | undefined, source: string): string[] | undefined {
  if (!node) return [];
  const names: string[] = [];
  for (const label of children(node)) {
    const name = label.name === 'LabelName' ? source.slice(label.from, label.to) : label.name === 'QuotedLabelName' ? quotedName(label, source) : '';
    if (name === undefined) return undefined;
    if (name) names.push(name);
  }
  return names;
}

const intersect = (a: ReadonlySet<string>, b: Iterable<string>) => new Set([...b].filter((name) => a.has(name)));
const without = (a: ReadonlySet<string>, b: Iterable<string>) => {
  const removed = new Set(b);
  return new Set([...a].filter((name) => !removed.has(name)));
};
const union = (...sets: Iterable<string>[]) => new Set(sets.flatMap((set) => [...set]));

/** Aggregations whose first argument is a parameter (`topk(3, v)`), the vector second. */
const PARAMETERISED = new Set(['Topk', 'Bottomk', 'LimitK', 'LimitRatio', 'Quantile', 'CountValues']);
/** Aggregations that pick series rather than combine them: the series keep every label; `by` only groups. */
const SELECTING = new Set(['Topk', 'Bottomk', 'LimitK', 'LimitRatio']);

function aggregate(node: SyntaxNode, source: string): Value {
  const op = child(node, 'AggregateOp')?.firstChild?.name;
  const modifier = child(node, 'AggregateModifier');
  const body = child(node, 'FunctionCallBody');
  if (!op || !body) return UNKNOWN;
  const args = expressions(body);
  if (args.length !== (PARAMETERISED.has(op) ? 2 : 1)) return UNKNOWN;
  const inner = evaluate(args.at(-1)!, source);
  if (inner.type !== 'vector' && inner.type !== 'unknown') return UNKNOWN;

  if (SELECTING.has(op)) return inner;
  const grouping = modifier ? groupingLabels(child(modifier, 'GroupingLabels'), source) : [];
  // `count_values("version", v)` puts each value into the label it names: always there, never empty.
  let added: string[] = [];
  if (op === 'CountValues') {
    const name = evaluate(args[0]!, source);
    if (name.type !== 'string' || !name.text) return UNKNOWN;
    added = [name.text];
  }
  // Without `by` or `without`, one series with no labels comes out, whatever went in.
  if (!modifier) return vector(added);
  if (inner.type === 'unknown' || !grouping) return UNKNOWN;
  // `by (pod)` keeps pod's value where the series have one; over series without pod the group has no pod. So it
  // guarantees only the listed labels that were known below.
  const kept = child(modifier, 'By') ? intersect(inner.labels, grouping) : without(inner.labels, grouping);
  return vector(union(kept, added));
}

/** Functions whose result keeps the labels of their instant-vector argument (at this index) and drops `__name__`. */
const KEEP_VECTOR: Record<string, number> = Object.fromEntries([
  ...[
    'Abs',
    'Ceil',
    'Floor',
    'Exp',
    'Sqrt',
    'Ln',
    'Log2',
    'Log10',
    'Sgn',
    'Round',
    'Clamp',
    'ClampMax',
    'ClampMin',
    'Acos',
    'Acosh',
    'Asin',
    'Asinh',
    'Atan',
    'Atanh',
    'Cos',
    'Cosh',
    'Sin',
    'Sinh',
    'Tan',
    'Tanh',
    'Deg',
    'Rad',
    'Timestamp',
    'Sort',
    'SortDesc',
    'SortByLabel',
    'SortByLabelDesc',
    'HistogramAvg',
    'HistogramCount',
    'HistogramSum',
    'HistogramStdDev',
    'HistogramStdVar',
  ].map((name) => [name, 0]),
  ['HistogramFraction', 2],
]);

/** Functions over a range of samples (`rate(x[5m])`), with the index of the range argument: one series out per series in. */
const KEEP_RANGE: Record<string, number> = Object.fromEntries([
  ...[
    'Rate',
    'Irate',
    'Increase',
    'Delta',
    'Idelta',
    'Deriv',
    'Changes',
    'Resets',
    'PredictLinear',
    'DoubleExponentialSmoothing',
    'AvgOverTime',
    'MinOverTime',
    'MaxOverTime',
    'SumOverTime',
    'CountOverTime',
    'StddevOverTime',
    'StdvarOverTime',
    'LastOverTime',
    'FirstOverTime',
    'MadOverTime',
    'PresentOverTime',
    'TsOfFirstOverTime',
    'TsOfMaxOverTime',
    'TsOfMinOverTime',
    'TsOfLastOverTime',
  ].map((name) => [name, 0]),
  ['QuantileOverTime', 1],
]);

/** `day_of_week(v)` and friends; without an argument they read `vector(time())`, which has no labels. */
const DATE = new Set(['DayOfMonth', 'DayOfWeek', 'DayOfYear', 'DaysInMonth', 'Hour', 'Minute', 'Month', 'Year']);

function call(node: SyntaxNode, source: string): Value {
  const name = child(node, 'FunctionIdentifier')?.firstChild?.name;
  const body = child(node, 'FunctionCallBody');
  if (!name || !body) return UNKNOWN;
  const args = expressions(body);
  const arg = (index: number) => (args[index] ? evaluate(args[index], source) : UNKNOWN);

  const vectorAt = KEEP_VECTOR[name];
  if (vectorAt !== undefined) {
    const value = arg(vectorAt);
    return value.type === 'vector' ? vector(value.labels) : UNKNOWN;
  }
  const rangeAt = KEEP_RANGE[name];
  if (rangeAt !== undefined) {
    const value = arg(rangeAt);
    return value.type === 'matrix' ? vector(value.labels) : UNKNOWN;
  }
  if (DATE.has(name)) {
    if (args.length === 0) return vector(NONE);
    const value = arg(0);
    return value.type === 'vector' ? vector(value.labels) : UNKNOWN;
  }
  switch (name) {
    case 'HistogramQuantile': {
      // The buckets' `le` is consumed: the quantile is one series per bucket set.
      const value = arg(1);
      return value.type === 'vector' ? vector(without(value.labels, ['le'])) : UNKNOWN;
    }
    case 'LabelReplace':
      return labelReplace(args, source);
    case 'LabelJoin':
      return labelJoin(args, source);
    case 'Absent':
    case 'AbsentOverTime':
      return args.length === 1 ? absent(args[0]!, source) : UNKNOWN;
    case 'Vector':
      return vector(NONE);
    case 'Scalar':
    case 'Time':
    case 'Pi':
      return SCALAR;
    // info() adds labels from info metrics that only the data knows; histogram_quantiles() and the newer functions
    // are not read here.
    default:
      return UNKNOWN;
  }
}

/**
 * `label_replace(v, "dst", "replacement", "src", "regex")`: where the regex matches the whole of src's value, dst is
 * set to the replacement with `$1`… expanded, and removed when that comes out empty; elsewhere the series is
 * unchanged. So dst is known when the replacement can never expand to nothing (it has text of its own besides the
 * `$` references) and either the regex matches every value (`.*`, `(.*)`, or `""` against the empty source name) or
 * dst was known already. A replacement made only of references (`"$1"`) may come out empty: dst is then not known,
 * even if it was.
 */
function labelReplace(args: SyntaxNode[], source: string): Value {
  if (args.length !== 5) return UNKNOWN;
  const inner = evaluate(args[0]!, source);
  const [dst, replacement, src, regex] = args.slice(1).map((arg) => evaluate(arg, source));
  if (inner.type !== 'vector' || dst?.type !== 'string' || replacement?.type !== 'string' || src?.type !== 'string' || regex?.type !== 'string') return UNKNOWN;
  if (!dst.text) return UNKNOWN;
  // Text this analysis cannot read (escapes) counts as "may expand to nothing" and "may not match".
  const neverEmpty = replacement.text !== undefined && literalText(replacement.text) !== '';
  // Label values with line breaks, which `.` does not match, are left out of "every value": no exporter writes them.
  const matchesAll = regex.text !== undefined && (MATCH_ALL.has(regex.text) || (regex.text === '' && src.text === ''));
  if (neverEmpty && (matchesAll || inner.labels.has(dst.text))) return vector(union(inner.labels, [dst.text]));
  return vector(without(inner.labels, [dst.text]));
}

const MATCH_ALL = new Set(['.*', '(.*)', '^.*$', '^(.*)$', '(?s).*', '(?s)(.*)']);

/**
 * The text of a Go regexp replacement template without its references (`$1`, `${1}`, `$name`); `$$` is a `$`, and
 * a `$` that starts no reference stays itself (regexp.Expand).
 */
function literalText(template: string): string {
  let text = '';
  for (let index = 0; index < template.length; index++) {
    const character = template[index]!;
    if (character !== '$') {
      text += character;
      continue;
    }
    const next = template[index + 1];
    if (next === '$') {
      text += '$';
      index++;
    } else if (next === '{') {
      const end = template.indexOf('}', index);
      const name = end === -1 ? '' : template.slice(index + 2, end);
      if (name !== '' && [...name].every(isNameCharacter)) index = end;
      else text += '$';
    } else if (next !== undefined && isNameCharacter(next)) {
      while (index + 1 < template.length && isNameCharacter(template[index + 1]!)) index++;
    } else text += '$';
  }
  return text;
}

function isNameCharacter(character: string): boolean {
  return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') || (character >= '0' && character <= '9') || character === '_';
}

/**
 * `label_join(v, "dst", "sep", "src1", "src2", …)`: dst is set to the sources' values joined by sep, and removed when
 * that is empty. Known when the result cannot be empty: a non-empty separator between two or more sources, or a
 * source that is known.
 */
function labelJoin(args: SyntaxNode[], source: string): Value {
  if (args.length < 3) return UNKNOWN;
  const inner = evaluate(args[0]!, source);
  const strings = args.slice(1).map((arg) => evaluate(arg, source));
  if (inner.type !== 'vector' || strings.some((value) => value.type !== 'string' || value.text === undefined)) return UNKNOWN;
  const [dst, separator, ...sources] = strings.map((value) => (value as { text: string }).text);
  if (!dst) return UNKNOWN;
  const neverEmpty = (separator !== '' && sources.length >= 2) || sources.some((name) => inner.labels.has(name));
  return vector(neverEmpty ? union(inner.labels, [dst]) : without(inner.labels, [dst]));
}

/**
 * `absent(x{job="api", env="prod"})` returns one series when nothing matches, labelled with the selector's
 * equality matchers. As Prometheus builds it (createLabelsForAbsentFunction): a label matched twice, or also by
 * another kind of matcher, is dropped. Parentheses, `offset` and `@` around the selector are looked through, as the
 * engine does; any other argument gives a series without labels.
 */
function absent(arg: SyntaxNode, source: string): Value {
  let node: SyntaxNode | undefined = arg;
  while (node && ['ParenExpr', 'OffsetExpr', 'StepInvariantExpr', 'MatrixSelector'].includes(node.name)) node = expressions(node)[0];
  if (node?.name !== 'VectorSelector') return vector(NONE);
  const matchers = selectorMatchers(node, source);
  if (!matchers) return UNKNOWN;
  const labels = new Set<string>();
  const seen = new Set<string>();
  for (const matcher of matchers) {
    if (matcher.name === '__name__') continue;
    if (matcher.op === 'EqlSingle' && !seen.has(matcher.name)) {
      if (matcher.filled) labels.add(matcher.name);
      seen.add(matcher.name);
    } else labels.delete(matcher.name);
  }
  return vector(labels);
}

const SET_OPERATORS = new Set(['And', 'Or', 'Unless']);
const ARITHMETIC_AND_COMPARISON = new Set(['Pow', 'Mul', 'Div', 'Mod', 'Atan2', 'Add', 'Sub', 'Eql', 'Neq', 'Gtr', 'Gte', 'Lss', 'Lte']);

/**
 * A binary operation. Between a vector and a scalar, the vector's labels. Between two vectors, series are paired on
 * their labels (all but `__name__`, or the `on (…)` list, or all but the `ignoring (…)` list), so a label in that
 * set known on either side is on both sides of every pair; the result then has:
 * - one-to-one: the left side's labels, cut to the `on` list or without the `ignoring` list;
 * - `group_left (extra)`: the left (many) side's labels, with each `extra` label taken from the right side: there
 *   when it is there, removed when it is not; `group_right` mirrors it;
 * - `and`: the left side's series; `unless`: the left side's series; `or`: series of either side, so only what both
 *   sides are known to have.
 * A side this analysis cannot read adds nothing, and the other side's known labels still hold, as long as the
 * result is made of that side's series (never for `or`, nor for the left side of `unless`).
 */
function binary(node: SyntaxNode, source: string): Value {
  const parts = children(node);
  const sides = parts.filter((part) => EXPRESSIONS.has(part.name));
  const op = parts.find((part) => SET_OPERATORS.has(part.name) || ARITHMETIC_AND_COMPARISON.has(part.name))?.name;
  // `fill(…)` (Prometheus 3) invents series for the side without a match: not read here.
  if (sides.length !== 2 || !op || parts.some((part) => part.name === 'FillModifier')) return UNKNOWN;
  const left = evaluate(sides[0]!, source);
  const right = evaluate(sides[1]!, source);
  if ([left, right].some((side) => side.type === 'matrix' || side.type === 'string')) return UNKNOWN;
  if (left.type === 'unknown' && right.type === 'unknown') return UNKNOWN;

  if (!SET_OPERATORS.has(op)) {
    if (left.type === 'scalar' && right.type === 'scalar') return SCALAR;
    if (left.type === 'scalar') return right.type === 'vector' ? vector(right.labels) : UNKNOWN;
    if (right.type === 'scalar') return left.type === 'vector' ? vector(left.labels) : UNKNOWN;
  } else if (left.type === 'scalar' || right.type === 'scalar') return UNKNOWN;

  const clause = child(node, 'MatchingModifierClause');
  const lists = clause ? children(clause).filter((part) => part.name === 'GroupingLabels') : [];
  const matching = groupingLabels(lists[0], source);
  const included = groupingLabels(lists[1], source);
  if (!matching || !included) return UNKNOWN;
  const on = clause ? child(clause, 'On') !== undefined : false;
  const ignoring = clause ? child(clause, 'Ignoring') !== undefined : false;
  const many = clause ? (child(clause, 'GroupLeft') ? 'left' : child(clause, 'GroupRight') ? 'right' : undefined) : undefined;
  /** The labels of a side that the other side's paired series share. */
  const paired = (labels: ReadonlySet<string>) => (on ? intersect(labels, matching) : ignoring ? without(labels, matching) : labels);
  const labelsOf = (side: Value) => (side.type === 'vector' ? side.labels : NONE);

  switch (op) {
    case 'Or':
      return left.type === 'vector' && right.type === 'vector' ? vector(intersect(left.labels, right.labels)) : UNKNOWN;
    case 'Unless':
      return left.type === 'vector' ? vector(left.labels) : UNKNOWN;
    case 'And':
      return vector(union(labelsOf(left), paired(labelsOf(right))));
  }
  if (many) {
    const [manySide, oneSide] = many === 'left' ? [labelsOf(left), labelsOf(right)] : [labelsOf(right), labelsOf(left)];
    return vector(union(without(union(manySide, paired(oneSide)), included), intersect(oneSide, included)));
  }
  const both = union(labelsOf(left), labelsOf(right));
  return vector(on ? intersect(both, matching) : ignoring ? without(both, matching) : both);
}
