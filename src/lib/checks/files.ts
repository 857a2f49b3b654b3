import type { ContentProblem } from '../errors.ts';

/** A runbook file as it is on disk. */
export interface SourceBytes {
  /** Path as messages print it. */
  file: string;
  slug: string;
  bytes: Uint8Array;
}

/**
 * Problems with the files themselves, before their content means anything: two files for one page (`foo.md` and
 * `foo.mdx` have the same URL), an empty file, a file that is not UTF-8 (Latin-1 from an old editor turns
 * "café" into "caf�" on the page).
 */
export function checkFiles(files: readonly SourceBytes[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const firstBySlug = new Map<string, string>();
  for (const { file, slug, bytes } of files) {
    const first = firstBySlug.get(slug);
    if (first === undefined) firstBySlug.set(slug, file);
    else {
      problems.push({
        severity: 'error',
        file,
        line: 1,
        column: 1,
        message: `${first} and ${file} are the same page "${slug}": keep one of them`,
      });
    }
    if (isEmptyFile(bytes)) {
      problems.push({ severity: 'error', file, line: 1, column: 1, message: 'empty file: a runbook needs frontmatter (title, summary, service …) and a body' });
      continue;
    }
    const invalid = firstInvalidUtf8(bytes);
    if (invalid !== undefined) {
      problems.push({ severity: 'error', file, ...bytePosition(bytes, invalid), message: encodingMessage(bytes, invalid) });
    }
  }
  return problems;
}

/** Nothing but white space: such a file has no frontmatter to report problems on, only this one. */
export function isEmptyFile(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d);
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629), or `undefined`. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index++;
      continue;
    }
    // Allowed ranges of the second byte per lead byte exclude overlong forms, surrogates and code points > U+10FFFF.
    const [length, low, high] =
      lead >= 0xc2 && lead <= 0xdf
        ? [2, 0x80, 0xbf]
        : lead === 0xe0
          ? [3, 0xa0, 0xbf]
          : lead === 0xed
            ? [3, 0x80, 0x9f]
            : lead >= 0xe1 && lead <= 0xef
              ? [3, 0x80, 0xbf]
              : lead === 0xf0
                ? [4, 0x90, 0xbf]
                : lead >= 0xf1 && lead <= 0xf3
                  ? [4, 0x80, 0xbf]
                  : lead === 0xf4
                    ? [4, 0x80, 0x8f]
                    : [0, 0, 0];
    if (length === 0) return index;
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next];
      const [min, max] = next === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return index;
    }
    index += length;
  }
  return undefined;
}

/** Line and column (in bytes: the characters around a bad byte are unknowable) of a byte offset. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 0x0a) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function encodingMessage(bytes: Uint8Array, offset: number): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return 'not UTF-8: the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8';
  }
  const hex = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
  return `not valid UTF-8: byte 0x${hex} at offset ${offset}; save the file as UTF-8`;
}
