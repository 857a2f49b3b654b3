import { sharedAnchors } from '../book/book-html.ts';
import type { ContentProblem } from '../errors.ts';

/** A runbook file as it is on disk. */
export interface SourceBytes {
  /** Path as messages print it. */
  file: string;
  slug: string;
  bytes: Uint8Array;
}

/**
 * Problems with the files themselves, before their content means anything: a name that cannot be a URL
 * (`api#down.md`), two files for one page (`foo.md` and `foo.mdx` have the same URL), two pages the book cannot
 * tell apart, an empty file, a file that is not UTF-8 (Latin-1 from an old editor turns "café" into "caf�" on the
 * page).
 */
export function checkFiles(files: readonly SourceBytes[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const firstBySlug = new Map<string, string>();
  const fileBySlug = new Map(files.map(({ slug, file }) => [slug, file]));
  for (const { slug, first, anchor } of sharedAnchors(new Set(files.map((file) => file.slug)))) {
    problems.push({
      severity: 'error',
      file: fileBySlug.get(slug)!,
      message: `pages "${first}" and "${slug}" would share the anchor #${anchor} in the book, where "/" becomes "--": rename one of them (without "--")`,
    });
  }
  for (const { file, slug, bytes } of files) {
    const unsafe = unsafeNameProblem(file, slug);
    if (unsafe) problems.push(unsafe);
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

/**
 * Characters a page's path cannot hold. The path is the page's URL: `#` and `?` end it (the glob loader then reads
 * another file, or none, and the page silently goes missing), `%` starts an escape (the link leads to a 404), and
 * white space, control and invisible formatting characters (a right-to-left override, a zero-width space) do not
 * survive a link, a shell or a one-line message. `\` is a folder separator on Windows. Upper-case letters, dots,
 * underscores and non-ASCII letters are fine: `KubePodCrashLooping.md` builds as it is named.
 */
const UNSAFE_IN_NAME = /[#?%\\\s\p{Cc}\p{Cf}]/gu;

function unsafeNameProblem(file: string, slug: string): ContentProblem | undefined {
  const found = [...new Set(slug.match(UNSAFE_IN_NAME))];
  if (found.length === 0) return undefined;
  const extension = /\.mdx?$/.exec(file)?.[0] ?? '.md';
  const renamed = slug
    .split('/')
    .map((part) => part.replace(UNSAFE_IN_NAME, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '') || 'page')
    .join('/');
  return {
    severity: 'error',
    file,
    message:
      `the name holds ${found.map(shownCharacter).join(', ')}: a page's file and folder names make its URL, ` +
      `where # ? % \\, white space and control characters are not allowed; rename it, e.g. to ${renamed}${extension}`,
  };
}

/** `"#"`, or the code point of a character that would not show (`U+0009`, a tab; `U+202E`, a right-to-left override). */
function shownCharacter(character: string): string {
  if (/^[\p{Cc}\p{Cf}]$/u.test(character) || (/^\s$/.test(character) && character !== ' ')) {
    return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return JSON.stringify(character);
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
