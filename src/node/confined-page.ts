import type { BrowserContext, Page } from '@playwright/test';

/**
 * The printer reads only the book. A runbook's raw HTML (an image from another host, a
 * `<meta http-equiv="refresh">`) must not make `npm run pdf` fetch the network or wait ten minutes for a host that
 * never answers: every request to another origin is refused and remembered, and a book that navigates away from
 * itself fails the print at once, naming where it went.
 */
export interface Confinement {
  /** The URLs of other origins the book asked for, refused. */
  refused: string[];
  /** Rejects as soon as the page leaves `bookUrl`; race it against the book's readiness. */
  leftTheBook: Promise<never>;
  /** Stops watching (call once printing is over). */
  release(): void;
}

export async function confinePage(context: BrowserContext, page: Page, bookUrl: string): Promise<Confinement> {
  const { origin, pathname } = new URL(bookUrl);
  const refused: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  let onNavigated: ((frame: import('@playwright/test').Frame) => void) | undefined;
  const leftTheBook = new Promise<never>((_resolve, reject) => {
    onNavigated = (frame) => {
      if (frame !== page.mainFrame()) return;
      const url = new URL(frame.url());
      if (url.origin === origin && url.pathname === pathname) return;
      const target = refused.at(-1) ?? frame.url();
      reject(new Error(`the book at ${bookUrl} navigated away (to ${target}): a runbook holds a redirect such as <meta http-equiv="refresh">`));
    };
    page.on('framenavigated', onNavigated);
  });
  // Nobody may await it when the book behaves: never an unhandled rejection.
  leftTheBook.catch(() => {});
  return {
    refused,
    leftTheBook,
    release: () => {
      if (onNavigated) page.off('framenavigated', onNavigated);
    },
  };
}
