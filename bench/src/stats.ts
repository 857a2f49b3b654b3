/**
 * Statistics of `npm run bench`. Ours and the baseline are built in pairs, one right after the other, so that a
 * slow minute on a shared machine slows both sides of a pair; the ratio of each pair is therefore the quantity
 * that carries meaning, and the median of those ratios (with their range) is what the benchmark reports.
 */

/** The middle value (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `ours / baseline`; undefined when the baseline is zero, since no ratio means anything then. */
export function ratio(ours: number, baseline: number): number | undefined {
  return baseline === 0 ? undefined : ours / baseline;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

export interface Pair {
  ours: number;
  baseline: number;
}

/** The median and range of the per-pair ratios; pairs with a zero baseline are left out. */
export function pairRatios(pairs: readonly Pair[]): Spread | undefined {
  const ratios = pairs.map((pair) => ratio(pair.ours, pair.baseline)).filter((value) => value !== undefined);
  return ratios.length > 0 ? spread(ratios) : undefined;
}

/** `count` items spread evenly over `items` (the first, then every `length / count`-th), in order. */
export function evenlySpaced<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)]!);
}
