/**
 * Just enough of the shell's lexer (POSIX sh, bash and zsh agree here) to tell whether a command goes on after a
 * line, so that a session's copy keeps every line of a command and none of its output:
 * - a line ending in `\` (outside single quotes), or in `|`, `|&`, `&&` or `||`;
 * - an unclosed quote: `'…'` (a backslash is literal inside), `"…"` and `$'…'` (a backslash escapes the next
 *   character); a quote inside the other kind, or after a backslash, does not count, nor does one in a comment
 *   (`# don't`), which starts at a `#` that begins a word;
 * - an unclosed command substitution, `$(…)` or `` `…` ``, inside which quotes count again (`"$(echo "it's")"`);
 * - a here-document: after the line holding `<<WORD` (`<<-WORD` strips leading tabs; `<<'WORD'`, `<<"WORD"` and
 *   `<<\WORD` are the same delimiter, quoted), the lines up to the one that is exactly `WORD` are its body, read
 *   as text: a quote in a body means nothing. `<<<` is a here-string and `<<` inside `$((…))` or `((…))` a shift.
 * Compound commands (`for … do … done`, `if … fi`, `{ … }`) are not followed: a session shows their inner lines with
 * a `> ` prompt, which is what real terminals print.
 */

interface HereDocument {
  delimiter: string;
  /** `<<-`: the body's and the delimiter's leading tabs are dropped. */
  stripTabs: boolean;
}

/**
 * What the lexer is inside of, innermost last: quotes, command substitutions, a `(` nested in one, arithmetic.
 * Nothing open is plain code at the top level.
 */
type Context = "'" | '"' | "$'" | '$(' | '(' | '`' | '((';

const QUOTES: ReadonlySet<Context> = new Set(["'", '"', "$'"]);

/** Characters that end a word (and so a here-document's delimiter word) when not quoted. */
const WORD_END = /[\s;&|<>()]/;

/** A line whose code ends with one of these goes on: the pipeline or list is not finished. */
const TRAILING_OPERATOR = /(?:\||\|&|&&)$/;

/** Reads a command line by line. One scanner per command: `next` says whether the line after belongs to it too. */
export class ShellScanner {
  readonly #open: Context[] = [];
  readonly #pending: HereDocument[] = [];
  #body: HereDocument | undefined;
  /** Whether the command goes on once the here-document bodies end: `cat <<EOF |` at the end of its line does. */
  #afterBodies = false;

  /**
   * Reads one line of the command; true when the next line belongs to the same command. The line is read as it is
   * pasted: the copy drops trailing white space (src/lib/web/copy-text.ts), so `a \ ` pastes as `a \`, which goes
   * on, and a body's `EOF ` as `EOF`, which ends it.
   */
  next(text: string): boolean {
    const line = text.trimEnd();
    if (this.#body) return this.#bodyLine(line);
    const { escapedNewline, code } = this.#scan(line);
    if (escapedNewline) return true;
    const top = this.#open.at(-1);
    // Inside a quote the newline is part of the string; here-documents start on the next real line.
    if (top && QUOTES.has(top)) return true;
    const continues = this.#open.length > 0 || TRAILING_OPERATOR.test(code.trimEnd());
    const body = this.#pending.shift();
    if (!body) return continues;
    this.#body = body;
    this.#afterBodies = continues;
    return true;
  }

  #bodyLine(line: string): boolean {
    const body = this.#body!;
    const candidate = body.stripTabs ? line.replace(/^\t+/, '') : line;
    if (candidate !== body.delimiter) return true;
    this.#body = this.#pending.shift();
    return this.#body !== undefined || this.#afterBodies;
  }

  /**
   * Walks one line, updating the open contexts and queueing the here-documents it opens. Returns the line's code
   * with every quoted or escaped character replaced by `x` and any comment cut (`a '|' # b |` → `a xxx `), which is
   * what a trailing operator is looked for in, and whether the line ends in a backslash that escapes the newline.
   */
  #scan(line: string): { escapedNewline: boolean; code: string } {
    let code = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      const next = line[i + 1];
      const top = this.#open.at(-1);
      if (top === "'") {
        if (c === "'") this.#open.pop();
        code += 'x';
      } else if (top === '"' || top === "$'") {
        if (c === '\\') {
          if (i === line.length - 1) return { escapedNewline: true, code };
          i++;
        } else if (c === top.at(-1)) this.#open.pop();
        else if (top === '"' && c === '$' && next === '(') i = this.#substitution(line, i);
        else if (top === '"' && c === '`') this.#open.push('`');
        code += 'x';
      } else if (top === '((') {
        // Arithmetic: only its parentheses matter (`$(( (a << 2) ))`; `<<` anywhere inside is a shift).
        if (c === '(') this.#open.push('(');
        else if (c === ')' && next === ')') {
          this.#open.pop();
          i++;
        }
        code += 'x';
      } else {
        // Code: at the top level, or inside `$(…)`, `(…)` within it, or backquotes.
        if (c === '\\') {
          if (i === line.length - 1) return { escapedNewline: true, code };
          i++;
          code += 'xx';
          continue;
        }
        if (c === '#' && (i === 0 || /[\s;&|(]/.test(line[i - 1]!))) break;
        if (c === "'" || c === '"') this.#open.push(c);
        else if (c === '$' && next === "'") {
          this.#open.push("$'");
          i++;
        } else if (c === '$' && next === '(') i = this.#substitution(line, i);
        else if (c === '(' && next === '(') {
          this.#open.push('((');
          i++;
        } else if (c === '`') {
          if (top === '`') this.#open.pop();
          else this.#open.push('`');
        } else if (c === '(' && (top === '$(' || top === '(')) this.#open.push('(');
        else if (c === ')' && (top === '$(' || top === '(')) this.#open.pop();
        else if (c === '<' && next === '<' && !this.#open.includes('((')) {
          // `<<<word` is a here-string, all on this line.
          i = line[i + 2] === '<' ? i + 2 : this.#hereDocument(line, i + 2);
        }
        code += c;
      }
    }
    return { escapedNewline: false, code };
  }

  /** Opens the `$(` or `$((` that starts at `start`; returns the index of its last character. */
  #substitution(line: string, start: number): number {
    if (line[start + 2] === '(') {
      this.#open.push('((');
      return start + 2;
    }
    this.#open.push('$(');
    return start + 1;
  }

  /** Queues the here-document whose operator `<<` ends just before `start`; returns where its delimiter word ends. */
  #hereDocument(line: string, start: number): number {
    let i = start;
    const stripTabs = line[i] === '-';
    if (stripTabs) i++;
    while (line[i] === ' ' || line[i] === '\t') i++;
    // The delimiter is the word with its quotes removed: `'EOF'`, `"EOF"`, `\EOF` and `E"O"F` all end at `EOF`.
    let delimiter = '';
    let quote: string | undefined;
    for (; i < line.length; i++) {
      const c = line[i]!;
      if (quote) {
        if (c === quote) quote = undefined;
        else delimiter += c;
      } else if (c === "'" || c === '"') quote = c;
      else if (c === '\\' && i + 1 < line.length) delimiter += line[++i];
      else if (WORD_END.test(c)) break;
      else delimiter += c;
    }
    if (delimiter) this.#pending.push({ delimiter, stripTabs });
    return i - 1;
  }
}
