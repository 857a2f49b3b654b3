/** How every tool writes counts and sizes in its messages, so `npm run pdf`, `check` and the benchmark agree. */

/** `1 error`, `3 errors`: the English plural by `s`, which is all our nouns need. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Binary units (KiB, MiB, GiB): what `du` and `/proc` count in, so figures can be checked against them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
