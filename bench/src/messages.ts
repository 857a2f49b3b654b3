/**
 * How the benchmark talks while it runs: progress goes to stderr, so that stdout carries the report alone, and a
 * failed step becomes one error whose message ends with the tail of the step's log, the part that says why.
 */
import { readFileSync } from 'node:fs';
import type { Measurement } from './process-tree.ts';
import { formatMs } from './table.ts';

export function log(message: string): void {
  console.error(`bench: ${message}`);
}

const TAIL_LINES = 15;

/** The message for a step that failed, from the text of its log. */
export function failureMessage(what: string, result: Measurement, logFile: string, logText: string): string {
  // Chromium's own chatter (`[pid=…][err] …dbus…`) would hide the tool's message.
  const lines = logText
    .trimEnd()
    .split('\n')
    .filter((line) => !line.startsWith('[pid='));
  const how = result.timedOut ? `killed after ${formatMs(result.wallMs)}` : `exit ${result.exitCode ?? result.signal}`;
  return `${what} failed (${how}); log: ${logFile}\n${lines.slice(-TAIL_LINES).join('\n')}`;
}

export function failure(what: string, result: Measurement, logFile: string): Error {
  return new Error(failureMessage(what, result, logFile, readFileSync(logFile, 'utf8')));
}
