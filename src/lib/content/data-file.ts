import type { z } from 'zod';
import { ContentError, problemsFromIssues } from '../errors.ts';
import { withoutBom } from './frontmatter.ts';
import { parseYaml } from './yaml.ts';

/**
 * Parses and validates the text of a YAML data file (`environments.yaml`, `severity.yaml` …) against its schema.
 * Throws a ContentError naming file, line and key; `file` is how messages name it.
 */
export function parseDataFile<Schema extends z.ZodType>(text: string, file: string, schema: Schema): z.output<Schema> {
  const yaml = withoutBom(text);
  const parsed = parseYaml(yaml);
  if (!parsed.ok) {
    const { line, column, message } = parsed.problem;
    throw new ContentError([{ severity: 'error', file, ...(line !== undefined && { line, column }), message: `invalid YAML: ${message}` }]);
  }
  const result = schema.safeParse(parsed.value);
  if (!result.success) throw new ContentError(problemsFromIssues(result.error.issues, yaml, file));
  return result.data;
}
