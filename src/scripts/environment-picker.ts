import { initialEnvironment, onEnvironmentChange, selectEnvironment } from './environment.ts';

/** `<environment-picker>` (components/EnvironmentPicker.astro): the header's select, kept in step with the page's environment. */
class EnvironmentPicker extends HTMLElement {
  connectedCallback() {
    const select = this.querySelector('select')!;
    const chosen = initialEnvironment([...select.options].map((option) => option.value));
    if (chosen) select.value = chosen;
    select.addEventListener('change', () => selectEnvironment(select.value));
    onEnvironmentChange((id) => (select.value = id));
  }
}
customElements.define('environment-picker', EnvironmentPicker);
