/**
 * `<site-search>` (components/Search.astro). Only this small element loads with the page; the search code, the
 * alert list and pagefind load on first use. `/` focuses the box from anywhere but a text field.
 */
class SiteSearch extends HTMLElement {
  connectedCallback() {
    const input = this.querySelector('input')!;
    // Once, whichever comes first: the box's focus, or the check below.
    let started: Promise<void> | undefined;
    const start = () => (started ??= import('./search-panel.ts').then(({ attachSearch }) => attachSearch(this)));
    input.addEventListener('focus', start, { once: true });
    // Focused, or typed into, before this script ran (a slow page, a fast reader): start now, or the query would
    // wait for a focus that already happened. search-panel runs the query it finds in the box.
    if (document.activeElement === input || input.value !== '') void start();
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement;
      const typing = target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.focus();
      }
    });
  }
}
customElements.define('site-search', SiteSearch);
