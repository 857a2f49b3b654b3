import type { KeptValue } from '../lib/web/kept-values.ts';
import { ownValue, type PlaceholderValues, type ValuesByService } from '../lib/web/placeholder-values.ts';

/**
 * The environments' placeholder values of the page (`#placeholder-values`, written by the build), read once, on first
 * use: the command blocks fill placeholders from them and the "Fill in" form shows them as each field's default.
 * Not when this module is evaluated: the book narrows the element to one environment first
 * (scripts/book-environment.ts), and which module a bundle evaluates first is the bundler's choice.
 */
let valuesByService: ValuesByService | undefined;

function allValues(): ValuesByService {
  const element = document.getElementById('placeholder-values');
  return (valuesByService ??= element ? JSON.parse(element.textContent ?? '{}') : {});
}

/** The environment ids the page has values for, in `environments.yaml` order. */
export function environmentIds(): string[] {
  return Object.keys(Object.values(allValues())[0] ?? {});
}

/** What `environment` defines for the placeholders of `service`'s pages. */
export function environmentValues(service: string, environment: string | undefined): PlaceholderValues {
  return ownValue(ownValue(allValues(), service), environment) ?? {};
}

/** The service whose values apply at `element`: its closest `[data-service]` (one per page, one per book section). */
export function serviceAt(element: Element): string {
  return element.closest<HTMLElement>('[data-service]')?.dataset.service ?? '';
}

/**
 * The values of the page's "Fill in" form (typed, or taken from the alert link), shared by the form
 * (scripts/reader-inputs.ts), which sets them, and the command blocks (scripts/command-blocks.ts), which fill
 * placeholders from them and win over the environment's. Kept here rather than passed in events alone: the two
 * scripts may run in either order, and the blocks must see values the form set before they listened. A Map: an input
 * may be named `constructor`.
 */
const readerValues = new Map<string, KeptValue>();
const READER_VALUE_EVENT = 'runbooks:input';

export function readerValue(name: string): KeptValue | undefined {
  return readerValues.get(name);
}

let told = false;

/**
 * Sets (or, with undefined, clears) the reader's value for `name` and tells the page, once for all the values set
 * in one go: the form sets every field from the alert link or the kept values on load, and each event refills every
 * placeholder of the page. The listeners run before the reader's next action (a microtask).
 */
export function setReaderValue(name: string, kept: KeptValue | undefined): void {
  if (kept) readerValues.set(name, kept);
  else readerValues.delete(name);
  if (told) return;
  told = true;
  queueMicrotask(() => {
    told = false;
    document.dispatchEvent(new CustomEvent(READER_VALUE_EVENT));
  });
}

export function onReaderValueChange(listener: () => void): void {
  document.addEventListener(READER_VALUE_EVENT, listener);
}
