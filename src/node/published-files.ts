/**
 * Everything a build (and `npm run pdf`) publishes, read as text for the secret scan of `npm run check -- --dist`:
 * every file of the output folder, the members of `runbooks-offline.zip`, Pagefind's fragments and each PDF's
 * text. Reading is here; what counts as a secret is `lib/checks/secrets.ts`.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import type { PublishedText } from '../lib/checks/secrets.ts';
import type { ContentProblem } from '../lib/errors.ts';

/**
 * Formats that hold no text of ours, skipped. Pagefind's word index (`.pf_index`), filter and meta files hold the
 * words of the same text its fragments hold in full, one lower-cased word at a time: the fragments are scanned.
 * `.pagefind` is Pagefind's WebAssembly. Images and fonts come from `public/` and the site's own assets.
 */
const NOT_TEXT = new Set([
  '.pf_index',
  '.pf_filter',
  '.pf_meta',
  '.pagefind',
  '.wasm',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.avif',
  '.ico',
  '.woff',
  '.woff2',
  '.ttf',
  '.otf',
  '.eot',
]);

/** Pagefind (1.x) starts each decompressed file with this signature; a fragment's JSON follows it. */
const PAGEFIND_SIGNATURE = 'pagefind_dcd';

export interface PublishedFiles {
  files: PublishedText[];
  /** Files that could not be read, each an error: a file that is not checked must not pass as clean. */
  problems: ContentProblem[];
}

/** The published text of every file under `dist`, named relative to the working directory. */
export function readPublishedFiles(dist: string): PublishedFiles {
  const result: PublishedFiles = { files: [], problems: [] };
  const paths = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dist, path)).isFile())
    .sort();
  for (const path of paths) {
    const file = relative(process.cwd(), join(dist, path));
    readPublished(file, () => readFileSync(join(dist, path)), result, join(dist, path));
  }
  return result;
}

/** Adds the text of one published file (or of each member of a zip) to `result`. */
function readPublished(file: string, bytes: () => Uint8Array, result: PublishedFiles, onDisk?: string): void {
  const extension = extname(file).toLowerCase();
  if (NOT_TEXT.has(extension)) return;
  try {
    if (extension === '.zip') {
      const members = unzipSync(bytes());
      for (const [name, content] of Object.entries(members)) {
        if (!name.endsWith('/')) readPublished(`${file}:${name}`, () => content, result);
      }
    } else if (extension === '.pdf') {
      result.files.push({ file, text: pdfText(onDisk, bytes), kind: 'pdf' });
    } else if (extension === '.pf_fragment') {
      const text = gunzipSync(bytes()).toString('utf8');
      result.files.push({ file, text: text.startsWith(PAGEFIND_SIGNATURE) ? text.slice(PAGEFIND_SIGNATURE.length) : text, kind: 'text' });
    } else {
      result.files.push({ file, text: Buffer.from(bytes()).toString('utf8') });
    }
  } catch (error) {
    result.problems.push({ severity: 'error', file, message: `cannot be checked for secrets: ${reason(error, extension)}` });
  }
}

/** The text of a PDF as poppler's `pdftotext` reads it, pages ended by form feeds. */
function pdfText(onDisk: string | undefined, bytes: () => Uint8Array): string {
  // No shell: the file name goes to pdftotext as one argument. A zip member goes in through stdin.
  const options = { encoding: 'utf8' as const, maxBuffer: 1024 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] as ('pipe' | 'ignore')[] };
  return onDisk
    ? execFileSync('pdftotext', ['-enc', 'UTF-8', onDisk, '-'], options)
    : execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { ...options, input: bytes() });
}

/** Why a file could not be read, in words a user can act on. */
function reason(error: unknown, extension: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (extension === '.pdf' && code === 'ENOENT')
    return "poppler's pdftotext, which reads a PDF's text, is not installed: install poppler-utils (apt-get install poppler-utils) and run the check again";
  if (extension === '.pdf') {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    return `pdftotext cannot read it${stderr ? ` (${stderr.split('\n')[0]})` : ''}; is it a whole PDF?`;
  }
  if (extension === '.zip') return 'it is not a zip archive fflate can read; rebuild the site';
  if (extension === '.pf_fragment') return 'it is not a gzip-compressed Pagefind fragment; rebuild the site';
  return error instanceof Error ? error.message : String(error);
}
