import type { ContentProblem } from '../errors.ts';
import { findSecrets } from './secret-rules.ts';

/** A text file to scan, named as messages print it. */
export interface TextFile {
  file: string;
  text: string;
}

/**
 * Literal credentials in runbooks and data files (`SECRET_RULES`). An error, never a warning: the site is
 * published, and a leaked key has to be rotated, not just deleted.
 */
export function checkSecrets(files: readonly TextFile[]): ContentProblem[] {
  return files.flatMap(({ file, text }) =>
    findSecrets(text).map(({ rule, line, column }) => ({
      severity: 'error' as const,
      file,
      line,
      column,
      message: `possible secret (${rule.name}): write a {{placeholder}} or a shell variable such as $TOKEN instead, and rotate it if it was real`,
    })),
  );
}

/**
 * The same scan over the built site (`.html`, `.json`, `.xml`, `.txt` under `dist/`), the last line of defence
 * before publishing: it also sees what reached the pages another way (environment values filled into commands,
 * the `#placeholder-values` data). HTML is scanned as its text, because the highlighter splits a command into
 * one `<span>` per token and a secret would never appear in one piece in the markup.
 */
export function checkPublishedSecrets(files: readonly TextFile[]): ContentProblem[] {
  return files.flatMap(({ file, text }) => {
    const html = file.endsWith('.html');
    return findSecrets(html ? htmlText(text) : text).map(({ rule, line, column }) => ({
      severity: 'error' as const,
      file,
      line,
      // Columns of the text without its tags are not columns of the file; the line still is.
      ...(!html && { column }),
      message: `published secret (${rule.name}): remove it from the content, rebuild, and rotate it`,
    }));
  });
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The text of an HTML document with its line breaks where they were (a tag spanning lines keeps its newlines),
 * so that a finding's line is the line of the file. Tags are dropped, not replaced by spaces: shiki's token
 * spans sit inside a word.
 */
export function htmlText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->|<[^>]*>/g, (tag) => tag.replace(/[^\n]/g, ''))
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (entity, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
      const code = decimal ? Number(decimal) : hex ? Number.parseInt(hex, 16) : undefined;
      if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      return ENTITIES[name?.toLowerCase() ?? ''] ?? entity;
    });
}
