import { relative } from 'node:path';

/** Relative to the working directory when inside it, as the command-line tools print paths; absolute otherwise. */
export function shownPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' ? '.' : shown.startsWith('..') ? path : shown;
}
