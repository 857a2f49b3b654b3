import { parseCodeMeta } from '../commands/code-meta.ts';
import { scanPlaceholders } from '../commands/placeholders.ts';
import type { ContentProblem } from '../errors.ts';
import type { CodeBlock } from '../markdown/code-blocks.ts';

/**
 * Placeholders that neither an environment defines nor the page declares as a reader input: almost always a typo
 * (`{{namspace}}`) that would leave a command unusable at 3 a.m. Reported at the line they are on.
 */
export function unknownPlaceholders(blocks: readonly CodeBlock[], known: ReadonlySet<string>, location: { file: string; bodyLine: number }): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const block of blocks) {
    if (!parseCodeMeta(block.meta).placeholders) continue;
    const { code, placeholders } = scanPlaceholders(block.value);
    for (const { name, start } of placeholders) {
      if (known.has(name)) continue;
      const before = code.slice(0, start);
      const lineInBlock = before.split('\n').length;
      problems.push({
        severity: 'error',
        file: location.file,
        // +1: the block's code starts on the line after its opening fence.
        line: location.bodyLine + block.line - 1 + lineInBlock,
        column: start - before.lastIndexOf('\n'),
        message: `unknown placeholder {{${name}}}: not defined in environments.yaml for this service nor declared in \`inputs\``,
      });
    }
  }
  return problems;
}
