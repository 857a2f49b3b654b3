import { filterWords, matchesWords } from '../lib/web/alert-filter.ts';

/**
 * `<alert-filter>` (components/AlertFilter.astro): hides the alert index's rows (`tr[data-filter-text]`) that do not
 * contain every word typed, and says how many are left.
 */
class AlertFilter extends HTMLElement {
  connectedCallback() {
    const input = this.querySelector('input')!;
    const count = this.querySelector('.count')!;
    const rows = [...document.querySelectorAll<HTMLElement>('tr[data-filter-text]')];
    input.addEventListener('input', () => {
      const words = filterWords(input.value);
      let shown = 0;
      for (const row of rows) {
        const match = matchesWords(row.dataset.filterText!, words);
        row.hidden = !match;
        if (match) shown++;
      }
      count.textContent = words.length ? `${shown} of ${rows.length} alerts` : '';
    });
  }
}
customElements.define('alert-filter', AlertFilter);
