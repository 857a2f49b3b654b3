import { ShellScanner } from './shell-scanner.ts';

/**
 * Shell sessions: blocks that show commands with their prompts and output. Only the commands are copied: the
 * prompt and every output line are marked so the copy leaves them out (src/plugins/shiki-command-blocks.ts marks
 * them, src/scripts/command-blocks.ts copies the rest).
 *
 * ```console
 * $ kubectl -n payments get pods \      ← a command: its prompt `$ ` is not copied
 * >   -l app=api                        ← the same command: `> ` is the shell's continuation prompt
 * NAME        READY   STATUS            ← output: not copied
 * ```
 * A command goes on over lines ending in `\`, `|`, `&&` or `||`, over an unclosed quote or `$(`, and over a
 * here-document's body up to its delimiter (src/lib/commands/shell-scanner.ts). A `> ` line right after a command's
 * line belongs to it too: terminals print it inside `for … do … done` and `if … fi`, which the scanner does not follow.
 */

export type SessionLine = { kind: 'command'; promptLength: number } | { kind: 'continuation'; promptLength: number } | { kind: 'output' };

interface Dialect {
  /** A prompt at the start of a line: the line starts a command. */
  prompt: RegExp;
  /**
   * Whether a block with no prompted line is a script, copied whole. Script languages (`bash` …) are written both
   * ways, as plain commands and as sessions; a `console` block is always a session.
   */
  scriptWithoutPrompt: boolean;
}

/**
 * A prompt: `$ `, or one that names where it runs, as real runbooks paste it: `user@host:~/dir$ `,
 * `[user@host dir]$ ` (Red Hat's default), `bash-5.2$ `, each optionally after a virtualenv's `(venv) `.
 * It ends in one of `sigils` and a space, so `$HOME` or `$(…)` at the start of a line is not a prompt.
 */
function promptPattern(sigils: string): RegExp {
  return new RegExp(String.raw`^(?:\([\w.-]+\) )?(?:\[[\w.-]+@[\w.-]+(?: [^\]\n]*)?\]|[\w.@:~/-]*)[${sigils}] `);
}

/** A continuation prompt (bash's PS2). */
const CONTINUATION = /^> /;

/**
 * In `console` fences `# ` is root's prompt and `% ` zsh's; in script fences `# ` starts a comment, so only `$ ` is a
 * prompt there (a `%` at the start of a shell line is job control). A comment line of a session is not a command,
 * so like output it is not copied.
 */
const CONSOLE: Dialect = { prompt: promptPattern('$#%'), scriptWithoutPrompt: false };
const SCRIPT: Dialect = { prompt: promptPattern('$'), scriptWithoutPrompt: true };

/** Fence languages by dialect; `shellscript` is Shiki's name for the grammar behind `bash`, `sh`, `shell` and `zsh`. */
const DIALECTS: ReadonlyMap<string, Dialect> = new Map([
  ...['console', 'shell-session', 'shellsession', 'sh-session'].map((language) => [language, CONSOLE] as const),
  ...['bash', 'sh', 'shell', 'zsh', 'shellscript'].map((language) => [language, SCRIPT] as const),
]);

/** Every fence language of shell commands, sessions and scripts: the blocks whose commands the snippet check parses. */
export const SHELL_LANGUAGES: ReadonlySet<string> = new Set(DIALECTS.keys());

/**
 * Classifies each line of a block written in `language` as a command, a continuation of one, or output; undefined
 * when the block is not a session (another language, or a script with no prompted line), so it is copied whole.
 */
export function sessionLines(code: string, language: string): SessionLine[] | undefined {
  const dialect = DIALECTS.get(language.toLowerCase());
  if (!dialect) return undefined;
  const lines = code.split('\n');
  if (dialect.scriptWithoutPrompt && !hasPromptedCommand(lines, dialect.prompt)) return undefined;
  return classify(lines, dialect.prompt);
}

function classify(lines: readonly string[], prompt: RegExp): SessionLine[] {
  /** The command being read; none after an output line, so a `> ` line in output (`diff`'s) stays output. */
  let command: ShellScanner | undefined;
  let continues = false;
  return lines.map((line): SessionLine => {
    const continuation = CONTINUATION.test(line);
    let result: SessionLine;
    if (command && (continues || continuation)) result = { kind: 'continuation', promptLength: continuation ? 2 : 0 };
    else {
      const prompted = prompt.exec(line);
      if (!prompted) {
        command = undefined;
        return { kind: 'output' };
      }
      command = new ShellScanner();
      result = { kind: 'command', promptLength: prompted[0].length };
    }
    continues = command.next(line.slice(result.promptLength));
    return result;
  });
}

/**
 * Whether a script block has a prompted command, reading every line as code: a `$ ` line inside a here-document
 * or a quoted string of a plain script is text, not a prompt.
 */
function hasPromptedCommand(lines: readonly string[], prompt: RegExp): boolean {
  const script = new ShellScanner();
  let continues = false;
  for (const line of lines) {
    if (!continues && prompt.test(line)) return true;
    continues = script.next(line);
  }
  return false;
}
