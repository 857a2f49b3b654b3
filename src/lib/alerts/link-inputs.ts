import { IDENTIFIER } from '../content/schemas/common.ts';
import { type LinkInput, linkParameters, RESERVED_INPUT_NAMES } from '../web/link-values.ts';
import { splitUrl, urlParameters } from './runbook-url.ts';
import type { KnownLabels } from './series-labels.ts';

/**
 * The `runbook_url` with a parameter added for each of the runbook's `inputs` that the alert's own labels can fill:
 * `node={{ $labels.instance | urlquery }}` for `{ name: node, label: instance }` (the label is the input's name when
 * it names none). Prometheus expands the template when the alert fires, so the link carries the firing series'
 * value; `urlquery` keeps a value with `&` or `#` inside its parameter.
 *
 * Only inputs whose label is `known` present on every series of the alert (series-labels.ts) are linked: a label
 * that may be missing would give the link an empty value, which fills nothing. Inputs that the URL already fills
 * (by the input's name or its label, as the page reads them) are left as they are.
 */
export function linkInputs(url: string, inputs: readonly LinkInput[], known: KnownLabels): { url: string; linked: string[] } {
  if (known === 'unknown') return { url, linked: [] };
  const carried = new Set(urlParameters(url).flatMap((parameter) => (parameter.name === undefined ? [] : [parameter.name])));
  const added: string[] = [];
  const linked: string[] = [];
  for (const input of inputs) {
    if (RESERVED_INPUT_NAMES.has(input.name)) continue;
    const label = input.label ?? input.name;
    if (!known.has(label) || linkParameters(input).some((name) => carried.has(name))) continue;
    added.push(`${encodeURIComponent(input.name)}={{ ${labelValue(label)} | urlquery }}`);
    linked.push(input.name);
    carried.add(input.name);
  }
  if (added.length === 0) return { url, linked };
  const { address, query, fragment } = splitUrl(url);
  const separator = query === undefined ? '?' : query === '' || query.endsWith('&') ? '' : '&';
  const before = query === undefined ? address : `${address}?${query}`;
  return { url: `${before}${separator}${added.join('&')}${fragment === undefined ? '' : `#${fragment}`}`, linked };
}

/**
 * The template that reads a label of the alert: `$labels.instance`, or `index $labels "service.name"` for a name
 * that is no Go template field (Prometheus 3 allows any UTF-8 label name when it is quoted in PromQL).
 */
function labelValue(label: string): string {
  return IDENTIFIER.test(label) ? `$labels.${label}` : `index $labels ${JSON.stringify(label)}`;
}
