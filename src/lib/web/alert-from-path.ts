import { decodePathSegment, normalizeBase } from './urls.ts';

/** The alert name in `/<base>/alerts/<NAME>/`, decoded; undefined for any other path. */
export function alertFromPath(pathname: string, base: string): string | undefined {
  const prefix = `${normalizeBase(base)}alerts/`;
  if (!pathname.startsWith(prefix)) return undefined;
  const rest = pathname.slice(prefix.length).replace(/\/$/, '');
  if (!rest || rest.includes('/')) return undefined;
  return decodePathSegment(rest);
}
