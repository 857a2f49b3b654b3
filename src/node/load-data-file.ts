import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ContentError, problemsFromIssues } from '../lib/errors.ts';

/**
 * Reads and validates a YAML data file (`environments.yaml`, `severity.yaml` …).
 * Returns `fallback` when the file does not exist and one is given; throws a ContentError naming file, line and key otherwise.
 */
export function loadDataFile<Schema extends z.ZodType>(path: string, schema: Schema, fallback?: z.output<Schema>): z.output<Schema> {
  const file = relative(process.cwd(), path);
  if (!existsSync(path)) {
    if (fallback !== undefined) return fallback;
    throw new ContentError([{ severity: 'error', file, message: 'file not found' }]);
  }
  const text = readFileSync(path, 'utf8');
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ContentError(
      doc.errors.map((error) => ({
        severity: 'error',
        file,
        line: error.linePos?.[0].line,
        column: error.linePos?.[0].col,
        message: `invalid YAML: ${error.message.split('\n')[0]}`,
      })),
    );
  }
  const result = schema.safeParse(doc.toJS() ?? {});
  if (!result.success) throw new ContentError(problemsFromIssues(result.error.issues, text, file));
  return result.data;
}
