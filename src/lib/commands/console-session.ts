/**
 * Console-session blocks (`console`, `shell-session`) show commands with their prompts and output.
 * Only the commands are copied: the prompt (`$ `, `# ` for root, `> ` for continuations) and
 * every output line are marked so the copy leaves them out.
 */

export const CONSOLE_LANGUAGES: ReadonlySet<string> = new Set(['console', 'shell-session', 'shellsession', 'sh-session']);

export type ConsoleLine = { kind: 'command'; promptLength: number } | { kind: 'continuation'; promptLength: number } | { kind: 'output' };

const PROMPT = /^(?:[\w.@:~/-]*[$#%]) /;
const CONTINUATION = /^> /;

/** Classifies each line of a console session. A line after one ending in `\` continues the command. */
export function classifyConsoleLines(code: string): ConsoleLine[] {
  let continues = false;
  return code.split('\n').map((line): ConsoleLine => {
    const wasContinued = continues;
    const prompt = PROMPT.exec(line);
    const continuation = CONTINUATION.exec(line);
    let result: ConsoleLine;
    if (wasContinued) result = { kind: 'continuation', promptLength: continuation ? 2 : 0 };
    else if (prompt) result = { kind: 'command', promptLength: prompt[0].length };
    else if (continuation) result = { kind: 'continuation', promptLength: 2 };
    else result = { kind: 'output' };
    continues = result.kind !== 'output' && line.trimEnd().endsWith('\\');
    return result;
  });
}

/** What copying a console session pastes: its commands without prompts or output. */
export function consoleCommands(code: string): string {
  const lines = code.split('\n');
  return classifyConsoleLines(code)
    .flatMap((line, i) => (line.kind === 'output' ? [] : [lines[i]!.slice(line.promptLength).trimEnd()]))
    .join('\n');
}
