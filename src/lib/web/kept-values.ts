/**
 * Values of the "Fill in" form that last for the incident: typed by the reader or taken from the alert link, kept in
 * the tab's `sessionStorage` so that the next runbook of the same service opens filled. Never `localStorage`: a value
 * is about one incident (this pod, this node), and the next incident must start clean.
 */

/** Where a value came from, shown under its field. */
export type ValueSource = 'link' | 'typed';

export interface KeptValue {
  value: string;
  source: ValueSource;
}

/** Every kept value's storage key starts with this, so "Clear values" finds them all and nothing else. */
export const KEPT_VALUE_PREFIX = 'runbooks:input:';

/**
 * The storage key of one input's value for `service`'s pages in `environment`. The parts are JSON, so no service,
 * environment or input name can make two keys alike.
 */
export function keptValueKey(service: string, environment: string | undefined, name: string): string {
  return KEPT_VALUE_PREFIX + JSON.stringify([service, environment ?? '', name]);
}

/**
 * A stored entry read back: `link:api-7f9c` (the source, a colon, the value). Anything else (another script's entry,
 * a hand edit) is no value. A plain string rather than JSON: this runs on every page with inputs, before search, where
 * every byte of script counts.
 */
export function parseKeptValue(text: string | null): KeptValue | undefined {
  const colon = text?.indexOf(':') ?? -1;
  const source = text?.slice(0, colon);
  const value = text?.slice(colon + 1);
  return (source === 'link' || source === 'typed') && value ? { value, source } : undefined;
}

export function keptValueText(kept: KeptValue): string {
  return `${kept.source}:${kept.value}`;
}

/** What the line under a field says about its value. */
export interface FieldState {
  /** The value in the field and where it came from; undefined when the field is empty. */
  kept?: KeptValue | undefined;
  /** Typed on this page just now: nothing to explain. */
  typedHere?: boolean;
  /** Why the link's value for this field was refused. */
  refused?: string | undefined;
  /** The chosen environment's value for the placeholder, and the environment's label. */
  environmentValue?: string | undefined;
  environmentLabel?: string | undefined;
}

/** The line under a field: where its value comes from, or why the link's value is not there. '' for none. */
export function fieldNote(state: FieldState): string {
  const notes: string[] = [];
  if (state.refused !== undefined) notes.push(`Value from the link refused: ${state.refused}.`);
  if (state.kept && !state.typedHere) {
    notes.push(state.kept.source === 'link' ? 'From the alert link.' : 'Kept from earlier in this incident.');
  }
  if (!state.kept && state.environmentValue !== undefined) {
    notes.push(`Empty: ${state.environmentLabel}'s value. Type to use another.`);
  }
  return notes.join(' ');
}
