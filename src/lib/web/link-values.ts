/**
 * Values for a page's inputs from its link: `/alerts/KubePodCrashLooping/?namespace=payments&pod=api-7f9c`.
 *
 * A link is written by whoever sends it (an alert rule, a chat message, an attacker), and its values land in
 * commands a tired engineer pastes into a shell. So a value is taken only if it looks like a label value: ASCII
 * letters and digits and `. _ : / @ + = , -`. That covers pod and node names, namespaces, `host:port` instances,
 * paths and ARNs, and refuses everything a shell reads as syntax (spaces, quotes, `; | & $` and backticks,
 * redirections, globs, newlines), as well as look-alike and invisible Unicode. Two shapes made only of allowed
 * characters are refused too: a leading `-` (`?pod=--all` would turn `kubectl delete pod {{pod}}` into an option)
 * and `..` (`?dir=../..` climbs out of the folder a command names).
 */

/**
 * Query parameters that mean something else on every page: `?env=` picks the environment, `?alert=` marks the alert
 * the reader came from. The schema refuses inputs of these names: a link could never fill them.
 */
export const RESERVED_INPUT_NAMES: ReadonlySet<string> = new Set(['env', 'alert']);

/** The longest value a link may set: label values are names, not documents. */
export const MAX_LINK_VALUE_LENGTH = 256;

const ALLOWED = /^[A-Za-z0-9._:/@+=,-]*$/;

/** Why `value` may not fill a command, or undefined when it may. */
export function refusedLinkValue(value: string): string | undefined {
  if (value.length > MAX_LINK_VALUE_LENGTH) return `it is longer than ${MAX_LINK_VALUE_LENGTH} characters`;
  if (!ALLOWED.test(value)) {
    const character = [...value].find((char) => !ALLOWED.test(char))!;
    return `it contains ${characterName(character)}; a value from a link may hold only letters, digits and . _ : / @ + = , -`;
  }
  if (value.startsWith('-')) return 'it starts with "-", which a command would read as an option';
  if (value.includes('..')) return 'it contains "..", which leads out of a folder';
  return undefined;
}

function characterName(character: string): string {
  if (character === ' ') return 'a space';
  if (/\s/.test(character)) return 'a line break or tab';
  const code = character.codePointAt(0)!;
  // Control and invisible characters are named by code point: printed, they would show nothing.
  if (code < 0x20 || code === 0x7f || code > 0x7e) return `the character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${character}"`;
}

/** What a page declares about one input (RunbookData['inputs']). */
export interface LinkInput {
  name: string;
  /** The alert label it comes from, when named otherwise. */
  label?: string | undefined;
}

/**
 * The query parameters that fill `input`, in order of preference: its own name, then the alert label it names.
 * The label is accepted too so that a runbook_url written by hand with the label's name (`?instance=`) works.
 */
export function linkParameters(input: LinkInput): string[] {
  return input.label && input.label !== input.name ? [input.name, input.label] : [input.name];
}

export interface LinkValues {
  /** input name → value, for the values that may fill commands. */
  accepted: Map<string, string>;
  /** input name → the value and why it was refused. */
  refused: Map<string, { value: string; reason: string }>;
}

/**
 * The values `query` gives the page's `inputs`. Parameters that are not declared inputs are ignored (a link may
 * carry anything), as are the reserved `env` and `alert`, and empty values (an annotation whose label was absent).
 */
export function valuesFromLink(query: URLSearchParams, inputs: readonly LinkInput[]): LinkValues {
  const accepted = new Map<string, string>();
  const refused = new Map<string, { value: string; reason: string }>();
  for (const input of inputs) {
    if (RESERVED_INPUT_NAMES.has(input.name)) continue;
    const parameter = linkParameters(input).find((name) => !RESERVED_INPUT_NAMES.has(name) && query.get(name));
    if (parameter === undefined) continue;
    const value = query.get(parameter)!;
    const reason = refusedLinkValue(value);
    if (reason === undefined) accepted.set(input.name, value);
    else refused.set(input.name, { value, reason });
  }
  return { accepted, refused };
}
