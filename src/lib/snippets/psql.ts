import { type MappedText, MappedTextBuilder } from './mapped-text.ts';

/**
 * An `sql` block as PostgreSQL's parser should read it once psql has done its part, since runbooks paste psql
 * sessions rather than bare SQL:
 * - a backslash command (`\dt`, `\x`, `\c db`) runs to the end of its line and is psql's, not SQL: it is left out;
 *   `\g`, `\gx`, `\gset`, `\gexec`, `\gdesc`, `\crosstabview` and `\watch` also send the statement before them, as
 *   `;` does, so they become `;`;
 * - variables are psql's too: `:'name'` becomes a string, `:"name"` a quoted identifier, `:name` an identifier;
 *   `::type` is a cast, not a variable.
 * Strings (`'…'`, `E'…'`, `$tag$…$tag$`), quoted identifiers and comments are copied untouched: a backslash or a
 * colon inside them is text.
 */
export function psqlToSql(sql: string): MappedText {
  const out = new MappedTextBuilder();
  let index = 0;
  const copyTo = (end: number) => {
    out.copy(sql, index, end);
    index = end;
  };
  while (index < sql.length) {
    const rest = sql.slice(index);
    const character = sql[index]!;
    if (character === "'" || character === '"') {
      const escapes = character === "'" && /[eE]$/.test(sql.slice(0, index));
      copyTo(quotedEnd(sql, index, character, escapes));
    } else if (rest.startsWith('--')) copyTo(lineEnd(sql, index));
    else if (rest.startsWith('/*')) {
      const close = sql.indexOf('*/', index + 2);
      copyTo(close === -1 ? sql.length : close + 2);
    } else if (character === '$' && DOLLAR_TAG.test(rest)) {
      const tag = DOLLAR_TAG.exec(rest)![0];
      const close = sql.indexOf(tag, index + tag.length);
      copyTo(close === -1 ? sql.length : close + tag.length);
    } else if (character === '\\') {
      const end = lineEnd(sql, index);
      if (SENDS.test(rest)) out.insert(';', index);
      index = end;
    } else if (character === ':' && sql[index - 1] !== ':' && VARIABLE.test(rest)) {
      const [whole, string, identifier, bare] = VARIABLE.exec(rest)!;
      out.insert(string ? `'${string}'` : identifier ? `"${identifier}"` : sqlStandIn(bare!), index);
      index += whole.length;
    } else copyTo(index + 1);
  }
  return out.build();
}

/** An identifier standing in for a value in SQL: the name with `_` after it, as a bare `user` or `table` is a keyword. */
export function sqlStandIn(name: string): string {
  return `${name}_`;
}

/** Meta-commands that send the query buffer, as a `;` would. */
const SENDS = /^\\(?:g|gx|gset|gexec|gdesc|crosstabview|watch)(?![A-Za-z])/;
const DOLLAR_TAG = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/;
const VARIABLE = /^:(?:'([A-Za-z_]\w*)'|"([A-Za-z_]\w*)"|([A-Za-z_]\w*))/;

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

/** Just past the quote that closes the one at `start` (doubled quotes are one character; `E'…'` has `\` escapes). */
function quotedEnd(text: string, start: number, quote: string, escapes: boolean): number {
  for (let index = start + 1; index < text.length; index++) {
    if (escapes && text[index] === '\\') index++;
    else if (text[index] === quote) {
      if (text[index + 1] === quote) index++;
      else return index + 1;
    }
  }
  return text.length;
}
