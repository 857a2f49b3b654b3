import type { ContentProblem } from '../errors.ts';
import { originOf } from '../snippets/mapped-text.ts';
import type { Snippet, SyntaxFault } from '../snippets/snippet.ts';

/**
 * A syntax error of a snippet, at the line and column the author wrote it:
 * `content/runbooks/db/bloat.md:42:8: error: sql: syntax error at or near "SELEC"`. `faults[i]` is the error of
 * `snippets[i]`, undefined when it parses (src/node/snippet-parsers.ts runs the parsers).
 */
export function checkSnippets(snippets: readonly Snippet[], faults: readonly (SyntaxFault | undefined)[]): ContentProblem[] {
  return snippets.flatMap((snippet, index): ContentProblem[] => {
    const fault = faults[index];
    if (!fault) return [];
    const offset = originOf(snippet.source, fault.index);
    const before = snippet.code.slice(0, offset);
    const lineInCode = before.split('\n').length - 1;
    const column = offset - before.lastIndexOf('\n');
    return [
      {
        severity: 'error',
        file: snippet.file,
        line: snippet.line + lineInCode,
        column: column + snippet.column - 1,
        message: `${snippet.language}: ${fault.message}`,
      },
    ];
  });
}
