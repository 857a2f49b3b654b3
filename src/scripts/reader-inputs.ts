import { ownValue } from '../lib/web/placeholder-values.ts';
import { currentEnvironment, initialEnvironment, onEnvironmentChange } from './environment.ts';
import { environmentIds, environmentValues, serviceAt } from './placeholder-values.ts';

/**
 * `<reader-inputs>` (components/ReaderInputs.astro): every keystroke in a field is announced as a `runbooks:input`
 * event, which scripts/command-blocks.ts turns into the placeholder's value, winning over the environment's. A
 * field whose placeholder the chosen environment also defines shows that value as its placeholder text, with a
 * line saying where it comes from: empty, the command uses it and follows the environment selector.
 */
class ReaderInputs extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector('form')!;
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('input', (event) => {
      const input = event.target as HTMLInputElement;
      document.dispatchEvent(new CustomEvent('runbooks:input', { detail: { name: input.name, value: input.value } }));
    });
    const labels: Record<string, string> = JSON.parse(this.dataset.environments ?? '{}');
    const showDefaults = () => {
      const environment = currentEnvironment();
      const values = environmentValues(serviceAt(this), environment);
      for (const input of form.querySelectorAll('input')) {
        const value = ownValue(values, input.name);
        const source = form.querySelector<HTMLElement>(`#input-${CSS.escape(input.name)}-source`);
        input.placeholder = value ?? '';
        if (!source) continue;
        source.hidden = value === undefined;
        source.textContent = value === undefined ? '' : `Empty: ${ownValue(labels, environment) ?? environment}'s value. Type to use another.`;
      }
    };
    initialEnvironment(environmentIds());
    onEnvironmentChange(showDefaults);
    showDefaults();
  }
}
customElements.define('reader-inputs', ReaderInputs);
