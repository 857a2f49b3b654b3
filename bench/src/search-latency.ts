/**
 * How long a reader waits, after typing the last character of an exact alert name, until that alert's runbook is
 * shown as the first search result. Each query runs in a new browser context (empty cache, nothing loaded yet),
 * because the first search of a visit, from a page link in an alert, is the one that matters at 3 a.m.
 *
 * Timing happens inside the page with `performance.now()`: an `input` listener records the last keystroke, and
 * MutationObservers record every re-render of the result list and whether the first visible `a.search-result`
 * then points at the runbook. Typing a name character by character usually puts the runbook first before the
 * name is complete, so "shown" is the first re-render of the list after the last keystroke (the answer to the
 * whole name) with the runbook first; only when the list is not re-rendered at all does the runbook already
 * shown count as shown at once. Waiting ends once the runbook has stayed first for a second with no change, so
 * a later re-render that replaces it is not missed.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/node/chromium.ts';

export interface SearchQuery {
  alert: string;
  /** The runbook's path, `/runbooks/<slug>/`. */
  path: string;
}

export interface SearchTiming extends SearchQuery {
  /** From the last keystroke to the first re-render of the list after it that shows the runbook first. */
  shownMs?: number;
  /** From the last keystroke to the first re-render of the list after it, whatever it showed. */
  listChangedMs?: number;
  /** A prefix of the name had already put the runbook first before the last keystroke. */
  alreadyFirst?: boolean;
  /** What was first when waiting gave up. */
  firstPath?: string | null;
  error?: string;
}

interface Probe {
  lastInput: number;
  lastChange: number;
  matchedSince: number | null;
  listChanges: { time: number; shown: boolean }[];
}

declare global {
  interface Window {
    benchProbe?: Probe;
  }
}

const STABLE_MS = 1000;

export async function measureSearch(
  origin: string,
  queries: readonly SearchQuery[],
  options: { typeDelayMs: number; timeoutMs?: number },
): Promise<SearchTiming[]> {
  // Started as every tool of ours starts Chromium (src/node/chromium.ts); the browser tests' config is theirs to change.
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const timings: SearchTiming[] = [];
  try {
    for (const query of queries) {
      const context = await browser.newContext();
      try {
        timings.push(await measureOne(await context.newPage(), origin, query, options));
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return timings;
}

async function measureOne(
  page: import('@playwright/test').Page,
  origin: string,
  query: SearchQuery,
  options: { typeDelayMs: number; timeoutMs?: number },
): Promise<SearchTiming> {
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  const installed = await page.evaluate((expected) => {
    const input = document.querySelector<HTMLInputElement>('input#site-search');
    const list = document.querySelector('[data-search-results]');
    if (!input || !list) return false;
    const probe: Probe = { lastInput: Number.NaN, lastChange: performance.now(), matchedSince: null, listChanges: [] };
    window.benchProbe = probe;
    const shown = () => {
      const first = document.querySelector<HTMLAnchorElement>('[data-search-results] a.search-result');
      return first?.checkVisibility() === true && new URL(first.href).pathname === expected;
    };
    const check = () => {
      probe.lastChange = performance.now();
      if (!shown()) probe.matchedSince = null;
      else probe.matchedSince ??= performance.now();
    };
    input.addEventListener('input', () => {
      probe.lastInput = performance.now();
      check();
    });
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    new MutationObserver(() => probe.listChanges.push({ time: performance.now(), shown: shown() })).observe(list, { childList: true });
    return true;
  }, query.path);
  if (!installed) return { ...query, error: 'no input#site-search with [data-search-results] on the home page' };

  await page.locator('input#site-search').click();
  await page.keyboard.type(query.alert, { delay: options.typeDelayMs });
  try {
    await page.waitForFunction(
      (stableMs) => {
        const probe = window.benchProbe!;
        const now = performance.now();
        return probe.matchedSince !== null && now - probe.lastChange >= stableMs && now - probe.lastInput >= stableMs;
      },
      STABLE_MS,
      { timeout: options.timeoutMs ?? 15_000, polling: 50 },
    );
  } catch {
    const firstPath = await page.evaluate(() => {
      const first = document.querySelector<HTMLAnchorElement>('[data-search-results] a.search-result');
      return first && new URL(first.href).pathname;
    });
    return { ...query, firstPath, error: `the runbook was not shown first (first result: ${firstPath ?? 'none'})` };
  }
  const probe = await page.evaluate(() => window.benchProbe!);
  const after = probe.listChanges.filter((change) => change.time >= probe.lastInput);
  const answer = after.find((change) => change.shown);
  const alreadyFirst = probe.matchedSince! < probe.lastInput;
  return {
    ...query,
    shownMs: answer ? answer.time - probe.lastInput : Math.max(0, probe.matchedSince! - probe.lastInput),
    alreadyFirst,
    ...(after[0] && { listChangedMs: after[0].time - probe.lastInput }),
  };
}
