import { ownValue, type ValuesByService } from './placeholder-values.ts';

/**
 * The values the book shows. A printed book must say which environment its commands are for, so it fills
 * placeholders only for an environment asked for by name (`?env=<id>`): unlike a runbook page, it ignores the
 * reader's stored choice and never falls back to the first environment. Without a valid `?env=` every service
 * keeps no values and the commands read `{{name}}`.
 */
export function bookEnvironment(
  values: ValuesByService,
  environmentIds: readonly string[],
  requested: string | null,
): { id: string | undefined; values: ValuesByService } {
  const id = requested !== null && environmentIds.includes(requested) ? requested : undefined;
  const kept = Object.fromEntries(
    Object.entries(values).map(([service, byEnvironment]) => {
      const chosen = ownValue(byEnvironment, id);
      return [service, id !== undefined && chosen ? { [id]: chosen } : {}];
    }),
  );
  return { id, values: kept };
}
