import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { type ContentProblem, formatProblemWithSeverity } from '../lib/errors.ts';
import { plural } from '../lib/format.ts';
import { escapeHtml } from '../lib/html/escape.ts';
import { startContentChecker } from '../node/content-checker.ts';

type DevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];

/** Vite's error message (`ErrorPayload` in vite/types/hmrPayload.d.ts), with the fields Astro's overlay adds. */
interface ErrorPayload {
  type: 'error';
  err: {
    name: string;
    title: string;
    message: string;
    hint: string;
    stack: string;
    loc?: { file: string; line: number; column: number };
    highlightedCode?: string | undefined;
  };
}

/**
 * Editors save in bursts (a temporary file and a rename, or "save all" over many files) and a branch switch changes
 * hundreds of files at once: wait this long after the last change, then check once.
 */
const DEBOUNCE_MS = 100;

/**
 * `npm run dev`'s content check: checks the content root when the dev server starts and again after every change
 * under it (runbooks added, edited or deleted, `environments.yaml`, `severity.yaml`, `services.yaml`, `site.yaml`),
 * and shows the errors where the author looks: in the terminal, one `path:line:col: error: …` line each, and in the
 * browser, in Astro's error overlay on every open page and on every page opened while they last. When the errors
 * are fixed, open pages reload, which takes the overlay away. Warnings are only counted (`npm run check` lists them).
 *
 * The check runs in a worker (src/node/content-checker.ts) so that a large corpus does not stall the dev server,
 * one check at a time; changes during a check start one more after it.
 */
export function checkContentOnSave({ server, logger, root }: { server: DevServer; logger: AstroIntegrationLogger; root: string }): void {
  const checker = startContentChecker(root);
  // The dev server watches the project; content kept elsewhere (RUNBOOKS_CONTENT_DIR) must be added to its watcher.
  if (!inside(server.config.root, root)) server.watcher.add(root);
  server.httpServer?.once('close', () => void checker.close());

  /** The overlay shown while the content has errors, for pages that connect meanwhile. */
  let shown: ErrorPayload | undefined;
  let warnings: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;

  const run = async () => {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      report(await checker.check());
    } catch (error) {
      logger.error(error instanceof Error ? error.message : String(error));
    } finally {
      running = false;
      if (again) {
        again = false;
        void run();
      }
    }
  };

  const report = (problems: ContentProblem[]) => {
    const errors = problems.filter((problem) => problem.severity === 'error');
    const warningCount = problems.length - errors.length;
    if (warningCount > 0 && warningCount !== warnings) logger.warn(`${plural(warningCount, 'content warning')} (npm run check lists them)`);
    warnings = warningCount;
    if (errors.length > 0) {
      for (const error of errors) logger.error(formatProblemWithSeverity(error));
      shown = overlay(errors);
      broadcast(shown);
    } else if (shown) {
      logger.info('content errors fixed');
      shown = undefined;
      // Vite's client reloads the page on `full-reload`, and the new page comes without the overlay.
      broadcast({ type: 'full-reload', path: '*' });
    }
  };

  // Vite keeps a message sent while no page is connected and hands it to the next page, even when it is stale by
  // then (an error fixed meanwhile); pages that connect get the current state below instead.
  const broadcast = (payload: ErrorPayload | { type: 'full-reload'; path: string }) => {
    if (server.ws.clients.size > 0) server.ws.send(payload);
  };

  // A page that connects while a check waits or runs gets that check's answer when it comes; the previous one may
  // already be out of date (Astro reloads pages on content changes before the check is done).
  server.ws.on('vite:client:connect', (_data, client) => {
    if (shown && !timer && !running) client.send(shown);
  });

  server.watcher.on('all', (_event, path) => {
    if (!inside(root, path)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  });

  void run();
}

function inside(folder: string, path: string): boolean {
  const rest = relative(folder, path);
  return !rest.startsWith('..') && !isAbsolute(rest);
}

/** Astro's overlay puts `message` and `hint` in as HTML; problems quote the author's text, which is not HTML. */
const asHtml = (text: string) => escapeHtml(text, 'text');

/** The overlay for a list of errors: every one in the message, the first one's file, line and source below it. */
function overlay(errors: ContentProblem[]): ErrorPayload {
  const [first] = errors as [ContentProblem, ...ContentProblem[]];
  const file = resolve(first.file);
  const message = errors.map(formatProblemWithSeverity).join('\n');
  return {
    type: 'error',
    err: {
      name: 'ContentError',
      title: `${plural(errors.length, 'content error')}: the build would fail`,
      message: asHtml(message),
      hint: 'Fix and save: the check runs again on every change under the content folder, and this page reloads when it passes. <code>npm run check</code> lists warnings too.',
      // The overlay's "copy" button copies the stack: give it the list, as the terminal shows it.
      stack: message,
      ...(first.line && { loc: { file, line: first.line, column: first.column ?? 1 } }),
      ...(first.line && { highlightedCode: sourceLines(file, first.line) }),
    },
  };
}

/**
 * A few lines of the file around `line`, marked up as Astro's overlay expects Shiki's output (`.line`, the error's
 * line `.error-line`), without colours: the overlay scrolls to the line and puts a caret under the column.
 */
function sourceLines(file: string, line: number): string | undefined {
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const from = Math.max(1, line - 3);
  const to = Math.min(lines.length, line + 3);
  const marked = [];
  for (let number = from; number <= to; number++) {
    marked.push(`<span class="line${number === line ? ' error-line' : ''}">${asHtml(lines[number - 1] ?? '')}</span>`);
  }
  return `<pre class="shiki"><code>${marked.join('\n')}</code></pre>`;
}
