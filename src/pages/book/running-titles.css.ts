import type { APIRoute } from 'astro';
import { loadSite } from '../../data/load-site.ts';
import { bookAnchor } from '../../lib/book/book-html.ts';
import { runningTitleCss } from '../../lib/book/running-titles.ts';

/**
 * The book's running footers (see runningTitleCss), as a stylesheet of the site: the Content-Security-Policy
 * allows no inline `<style>`. Each section of the book names its page after its anchor.
 */
export const GET: APIRoute = async () => {
  const { pages } = await loadSite();
  const css = runningTitleCss([
    { pageName: 'contents', title: 'Contents' },
    { pageName: 'alert-index', title: 'Alert index' },
    ...pages.map((page) => ({ pageName: bookAnchor(page.slug), title: page.entry.data.title })),
  ]);
  return new Response(css, { headers: { 'content-type': 'text/css; charset=utf-8' } });
};
