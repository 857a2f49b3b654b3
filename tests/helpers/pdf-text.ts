/**
 * Reading a PDF's text back with poppler's `pdftotext`, as the PDF tests compare it with what the content says.
 */
import { execFileSync } from 'node:child_process';

/** The text of `file` (pdftotext `options`, e.g. `-layout`, `-f 3 -l 3`). A book of thousands of pages is large. */
export function pdfText(file: string, ...options: string[]): string {
  return execFileSync('pdftotext', [...options, file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** The text of each page, laid out (pdftotext separates pages with a form feed). */
export function pdfPages(file: string): string[] {
  return pdfText(file, '-layout').split('\f');
}

/** A page's lines, trimmed, without the empty ones. */
export const lines = (pageText: string) =>
  pageText
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Whitespace made single spaces: a phrase may wrap at a different place in the source and the PDF. */
export const normal = (value: string) => value.replace(/\s+/g, ' ').trim();

/** `value` as a regular expression that matches it literally. */
export const literal = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
