import { SHELL_LANGUAGES } from '../commands/shell-session.ts';
import { type MappedText, MappedTextBuilder } from './mapped-text.ts';

/**
 * The PromQL queries of a code block: the whole of a `promql` block, or the `query=` argument of a `curl` to
 * Prometheus's query API, which is how real runbooks write a query to run:
 *
 * ```bash
 * curl {{prometheus_url}}/api/v1/query \
 *   --data-urlencode 'query=rate(http_requests_total{status=~"5.."}[5m])'
 * ```
 * The query is read as the shell would pass it to curl (quotes removed, `\` line continuations joined), then as
 * curl and Prometheus read it: `--data-urlencode query=…` is sent as written, while `-d`/`--data` values and a
 * `?query=` in the URL are already URL-encoded, so they are decoded. Placeholders stay as `{{name}}`.
 * Each character keeps its offset in the block, so a syntax error is reported where the author wrote it.
 */
export function promqlQueries(code: string, language: string | undefined): MappedText[] {
  const lang = language?.toLowerCase();
  if (lang === 'promql') {
    const end = code.replace(/\s+$/, '').length;
    return end > 0 ? [new MappedTextBuilder().copy(code, 0, end).build()] : [];
  }
  if (!lang || !SHELL_LANGUAGES.has(lang)) return [];
  return shellCommands(code).flatMap((words) => {
    const query = curlQuery(words);
    return query ? [query] : [];
  });
}

/** The Prometheus query endpoints (instant and range). */
const QUERY_API = /\/api\/v1\/query(?:_range)?(?:[?#]|$)/;

/** curl options whose value is sent as written with `name=` before it. */
const RAW_DATA = new Set(['--data-urlencode']);
/** curl options whose value is sent as is, so it is already URL-encoded. */
const ENCODED_DATA = new Set(['-d', '--data', '--data-raw', '--data-ascii', '--data-binary']);

/** The query a curl command sends to Prometheus's query API, when it is one. */
function curlQuery(words: readonly MappedText[]): MappedText | undefined {
  const curl = words.findIndex((word) => word.text === 'curl' || word.text.endsWith('/curl'));
  if (curl === -1) return undefined;
  const args = words.slice(curl + 1);
  if (!args.some((word) => QUERY_API.test(word.text.split('#')[0] ?? ''))) return undefined;
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    const next = args[index + 1];
    if (RAW_DATA.has(word.text) && next?.text.startsWith('query=')) return slice(next, 'query='.length);
    if (ENCODED_DATA.has(word.text) && next?.text.startsWith('query=')) return formDecoded(slice(next, 'query='.length));
    // `-dquery=…`, `--data-urlencode=query=…` are curl's attached forms.
    const attached = /^(--data-urlencode=|-d|--data=|--data-raw=)query=/.exec(word.text);
    if (attached) {
      const value = slice(word, attached[0].length);
      return attached[1] === '--data-urlencode=' ? value : formDecoded(value);
    }
    const inUrl = QUERY_API.test(word.text) ? /[?&]query=([^&#]*)/.exec(word.text) : null;
    if (inUrl) return formDecoded(slice(word, inUrl.index + inUrl[0].length - inUrl[1]!.length, inUrl.index + inUrl[0].length));
  }
  return undefined;
}

function slice(word: MappedText, start: number, end = word.text.length): MappedText {
  return { text: word.text.slice(start, end), origin: word.origin.slice(start, end + 1) };
}

const ESCAPE = /^%[0-9A-Fa-f]{2}$/;

/** Decodes `%XX` and `+` as Prometheus reads a form value; a malformed escape stays as written. */
function formDecoded(value: MappedText): MappedText {
  const out = new MappedTextBuilder();
  const { text, origin } = value;
  for (let index = 0; index < text.length; index++) {
    const at = origin[index]!;
    if (text[index] === '+') out.insert(' ', at);
    else if (text[index] === '%' && ESCAPE.test(text.slice(index, index + 3))) {
      // A character beyond ASCII is several escapes, one per UTF-8 byte, that its lead byte counts.
      const lead = Number.parseInt(text.slice(index + 1, index + 3), 16);
      const end = index + 3 * (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1);
      let [decoded, consumed] = [text.slice(index, index + 3), 3];
      try {
        [decoded, consumed] = [decodeURIComponent(text.slice(index, end)), end - index];
      } catch {
        // Not a whole UTF-8 character: the escape stays as written.
      }
      out.insert(decoded, at);
      index += consumed - 1;
    } else out.insert(text[index]!, at);
  }
  const built = out.build();
  return { text: built.text, origin: [...built.origin.slice(0, -1), value.origin.at(-1) ?? 0] };
}

/**
 * The simple commands of a shell script, each as its words with quotes removed, as the shell would pass them:
 * enough of the shell's word rules for finding a command's arguments (`'…'`, `"…"` with its four escapes,
 * `\x`, `\` at a line's end, `#` comments, and `;`, `&`, `|`, `(`, `)` and newlines between commands).
 * Prompts (`$ `) are words too, which do no harm: curl's arguments are found after the word `curl`.
 */
export function shellCommands(code: string): MappedText[][] {
  const commands: MappedText[][] = [];
  let words: MappedText[] = [];
  let word: MappedTextBuilder | undefined;
  const endWord = () => {
    if (word) words.push(word.build());
    word = undefined;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  const add = (at: number) => {
    word ??= new MappedTextBuilder();
    word.copy(code, at);
  };
  for (let index = 0; index < code.length; index++) {
    const character = code[index]!;
    if (character === '\\') {
      if (code[index + 1] === '\n') index++;
      else if (index + 1 < code.length) add(++index);
    } else if (character === "'") {
      word ??= new MappedTextBuilder();
      const close = code.indexOf("'", index + 1);
      const end = close === -1 ? code.length : close;
      word.copy(code, index + 1, end);
      index = end;
    } else if (character === '"') {
      word ??= new MappedTextBuilder();
      for (index++; index < code.length && code[index] !== '"'; index++) {
        if (code[index] === '\\' && /[$`"\\\n]/.test(code[index + 1] ?? '')) index++;
        if (code[index] !== '\n' || code[index - 1] !== '\\') add(index);
      }
    } else if (character === '#' && !word) {
      const end = code.indexOf('\n', index);
      index = (end === -1 ? code.length : end) - 1;
    } else if (character === '\n' || /[;&|()]/.test(character)) endCommand();
    else if (/\s/.test(character)) endWord();
    else add(index);
  }
  endCommand();
  return commands;
}
