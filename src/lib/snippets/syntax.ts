import { parser as promqlParser } from '@prometheus-io/lezer-promql';
import { parseAllDocuments } from 'yaml';
import type { SyntaxFault } from './snippet.ts';

/**
 * The parsers that are plain JavaScript and need no loading: Prometheus's own PromQL grammar (the one its web UI
 * uses), the `yaml` library the content is read with, and `JSON.parse`. The shell and SQL parsers are WebAssembly,
 * loaded once per run in src/node/snippet-parsers.ts.
 */

/**
 * The first syntax error of a PromQL query. Lezer recovers from errors instead of throwing, so an error is a node of
 * the tree, with no message: the message says what stands there, or what was left open at the end.
 */
export function promqlFault(query: string): SyntaxFault | undefined {
  let error: { from: number; to: number } | undefined;
  promqlParser.parse(query).iterate({
    enter: (node) => {
      if (error) return false;
      if (node.type.isError) error = { from: node.from, to: node.to };
      return undefined;
    },
  });
  if (!error) return undefined;
  const found = query.slice(error.from, error.to).trim() || query.slice(error.from).trim().split(/\s+/)[0] || '';
  if (found) return { index: error.from, message: `unexpected ${JSON.stringify(found.slice(0, 40))}` };
  const open = unclosedBracket(query);
  return { index: error.from, message: `unexpected end of the query${open ? `: the ${JSON.stringify(open)} is never closed` : ''}` };
}

const CLOSING: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/** The innermost bracket left open, outside strings. */
function unclosedBracket(query: string): string | undefined {
  const open: string[] = [];
  for (let index = 0; index < query.length; index++) {
    const character = query[index]!;
    if (character === '"' || character === "'" || character === '`') {
      for (index++; index < query.length && query[index] !== character; index++) if (query[index] === '\\' && character !== '`') index++;
    } else if (character === '#') {
      const end = query.indexOf('\n', index);
      index = end === -1 ? query.length : end;
    } else if (CLOSING[character]) open.push(character);
    else if (open.length > 0 && CLOSING[open.at(-1)!] === character) open.pop();
  }
  return open.at(-1);
}

/** The first error of a YAML block (several documents allowed, as Kubernetes manifests come), in the library's words. */
export function yamlFault(text: string): SyntaxFault | undefined {
  for (const document of parseAllDocuments(text)) {
    const error = document.errors[0];
    // The library appends "at line 2, column 1:" and an excerpt; the check prints its own location.
    if (error) return { index: error.pos[0], message: error.message.split(/ at line \d+, column \d+/)[0]!.trim() };
  }
  return undefined;
}

/** The error of a JSON block, at the position `JSON.parse` names (the end for "Unexpected end of JSON input"). */
export function jsonFault(text: string): SyntaxFault | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    return {
      index: position ? Number(position[1]) : text.trimEnd().length,
      message: message.replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?/, '').replace(/ of JSON input$/, ''),
    };
  }
}
