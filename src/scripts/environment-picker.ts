import { initialEnvironment, onEnvironmentChange, selectEnvironment } from './environment.ts';

/** `<environment-picker>` (components/EnvironmentPicker.astro): the header's select, kept in step with the page's environment. */
class EnvironmentPicker extends HTMLElement {
  connectedCallback() {
    const select = this.querySelector('select')!;
    const options = [...select.options];
    const built = (options.find((option) => option.defaultSelected) ?? options[0])?.value;
    if (select.value !== built) {
      // The reader chose before this script ran (a slow network, the dev server compiling it): the choice they
      // see in the select is the one the commands must show, not the stored one.
      selectEnvironment(select.value);
    } else {
      const chosen = initialEnvironment(options.map((option) => option.value));
      if (chosen) select.value = chosen;
    }
    select.addEventListener('change', () => selectEnvironment(select.value));
    onEnvironmentChange((id) => (select.value = id));
  }
}
customElements.define('environment-picker', EnvironmentPicker);
