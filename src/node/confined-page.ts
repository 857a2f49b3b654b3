import type { BrowserContext, Frame, Page } from '@playwright/test';

/**
 * The printer reads only the book. A runbook's raw HTML (an image from another host, a
 * `<meta http-equiv="refresh">`) must not make `npm run pdf` fetch the network or wait ten minutes for a host that
 * never answers: every request to another origin is refused and remembered, and a book that navigates away from
 * the document it was sent to fails the print at once, naming where it went.
 *
 * One page prints many documents of the book one after another (src/node/print-book.ts), so the refusal holds for
 * the page's life and the watch for a departure is per document.
 */
export interface Confinement {
  /** The URLs of other origins the page asked for, refused, across every document it showed. */
  refused: string[];
  /** Watches the document at `bookUrl` until released: `leftTheBook` rejects as soon as the page leaves it. */
  watch(bookUrl: string): Watch;
}

export interface Watch {
  /** Race it against the document's readiness and its printing. */
  leftTheBook: Promise<never>;
  /** Stops watching: before the page is sent to the next document. */
  release(): void;
}

/** Confines `page` (and every page of `context`) to `origin`, the local server of the book. */
export async function confinePage(context: BrowserContext, page: Page, origin: string): Promise<Confinement> {
  const refused: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  const watch = (bookUrl: string): Watch => {
    const { pathname } = new URL(bookUrl);
    // A refusal of this document's, not of one the page showed before.
    const before = refused.length;
    let onNavigated: ((frame: Frame) => void) | undefined;
    const leftTheBook = new Promise<never>((_resolve, reject) => {
      onNavigated = (frame) => {
        if (frame !== page.mainFrame()) return;
        const url = new URL(frame.url());
        if (url.origin === origin && url.pathname === pathname) return;
        const target = refused.slice(before).at(-1) ?? frame.url();
        reject(new Error(`the book at ${bookUrl} navigated away (to ${target}): a runbook holds a redirect such as <meta http-equiv="refresh">`));
      };
      page.on('framenavigated', onNavigated);
    });
    // Nobody may await it when the book behaves: never an unhandled rejection.
    leftTheBook.catch(() => {});
    return {
      leftTheBook,
      release: () => {
        if (onNavigated) page.off('framenavigated', onNavigated);
      },
    };
  };
  return { refused, watch };
}
