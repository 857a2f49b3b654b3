import { ownValue, type PlaceholderValues, type ValuesByService } from '../lib/web/placeholder-values.ts';

/**
 * The environments' placeholder values of the page (`#placeholder-values`, written by the build), read once: the
 * command blocks fill placeholders from them and the "Fill in" form shows them as each field's default.
 */
const element = document.getElementById('placeholder-values');
const valuesByService: ValuesByService = element ? JSON.parse(element.textContent ?? '{}') : {};

/** The environment ids the page has values for, in `environments.yaml` order. */
export function environmentIds(): string[] {
  return Object.keys(Object.values(valuesByService)[0] ?? {});
}

/** What `environment` defines for the placeholders of `service`'s pages. */
export function environmentValues(service: string, environment: string | undefined): PlaceholderValues {
  return ownValue(ownValue(valuesByService, service), environment) ?? {};
}

/** The service whose values apply at `element`: its closest `[data-service]` (one per page, one per book section). */
export function serviceAt(element: Element): string {
  return element.closest<HTMLElement>('[data-service]')?.dataset.service ?? '';
}
