import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ContentError, problemsFromIssues, yamlErrorText } from '../errors.ts';

/**
 * Parses and validates the text of a YAML data file (`environments.yaml`, `severity.yaml` …) against its schema.
 * Throws a ContentError naming file, line and key; `file` is how messages name it.
 */
export function parseDataFile<Schema extends z.ZodType>(text: string, file: string, schema: Schema): z.output<Schema> {
  const doc = parseDocument(text, { prettyErrors: true });
  // Only the first syntax error: the parser reports what one mistake throws off further down as more errors.
  const [error] = doc.errors;
  if (error) {
    throw new ContentError([
      { severity: 'error', file, line: error.linePos?.[0].line, column: error.linePos?.[0].col, message: `invalid YAML: ${yamlErrorText(error)}` },
    ]);
  }
  const result = schema.safeParse(doc.toJS() ?? {});
  if (!result.success) throw new ContentError(problemsFromIssues(result.error.issues, text, file));
  return result.data;
}
