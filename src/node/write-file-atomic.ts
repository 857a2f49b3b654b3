import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let written = 0;

/** A name beside `path` that no other writer uses: this process's id and a counter. */
function temporaryFor(path: string): string {
  written += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}-${written}.tmp`);
}

/** Writes `data` whole to a new file and flushes it to the disk, so that a rename never exposes an empty file. */
function writeFlushed(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, 'wx');
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a file whole or not at all: into a temporary file beside it, then renamed over it, so a reader (or a run
 * that is killed half-way, or a disk that fills up) never sees half a file and the previous one stays until the new
 * one is complete.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFilesAtomic([{ path, data }]);
}

/**
 * Writes several files all or none, as far as a file system allows: every new text goes to a temporary file beside
 * its target first; only when all are written (the step that fails on a full disk, a size limit, a read-only or
 * unwritable folder) are they renamed into place. On a failure no target has changed and the error names the file
 * (`error.path`, the target, not the temporary name).
 */
export function writeFilesAtomic(files: readonly { path: string; data: string | Uint8Array }[]): void {
  const staged: { temporary: string; path: string }[] = [];
  try {
    for (const { path, data } of files) {
      const temporary = temporaryFor(path);
      try {
        mkdirSync(dirname(path), { recursive: true });
        staged.push({ temporary, path });
        writeFlushed(temporary, data);
      } catch (error) {
        throw Object.assign(error as Error, { path });
      }
    }
  } catch (error) {
    for (const { temporary } of staged) rmSync(temporary, { force: true });
    throw error;
  }
  // A rename within a folder does not fail for want of space; were one to fail anyway, the files before it are new.
  staged.forEach(({ temporary, path }, index) => {
    try {
      renameSync(temporary, path);
    } catch (error) {
      for (const { temporary: left } of staged.slice(index)) rmSync(left, { force: true });
      throw Object.assign(error as Error, { path });
    }
  });
}
