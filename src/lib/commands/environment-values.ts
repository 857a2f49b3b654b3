import type { Environments } from '../content/schemas/environments.ts';
import { ownValue, type PlaceholderValues, type ValuesByService } from '../web/placeholder-values.ts';

/** Placeholder values of one environment for a page of `service`: the service's own values win over `vars`. */
export function environmentValues(environments: Environments, id: string, service: string): PlaceholderValues {
  const environment = ownValue(environments, id);
  return environment ? { ...environment.vars, ...ownValue(environment.services, service) } : {};
}

/** Every placeholder name some environment defines for `service`. */
export function environmentNames(environments: Environments, service: string): Set<string> {
  return new Set(Object.keys(environments).flatMap((id) => Object.keys(environmentValues(environments, id, service))));
}

/** `{ [service]: { [environment]: values } }`: what the page's `#placeholder-values` script element carries. */
export function valuesByService(environments: Environments, services: Iterable<string>): ValuesByService {
  return Object.fromEntries(
    [...new Set(services)].map((service) => [
      service,
      Object.fromEntries(Object.keys(environments).map((id) => [id, environmentValues(environments, id, service)])),
    ]),
  );
}
