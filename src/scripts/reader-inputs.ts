import { fieldNote, KEPT_VALUE_PREFIX, type KeptValue, keptValueKey, keptValueText, parseKeptValue } from '../lib/web/kept-values.ts';
import { ownValue } from '../lib/web/placeholder-values.ts';
import { currentEnvironment, initialEnvironment, onEnvironmentChange } from './environment.ts';
import { environmentIds, environmentValues, readerValue, serviceAt, setReaderValue } from './placeholder-values.ts';

/**
 * `<reader-inputs>` (components/ReaderInputs.astro): the values of this incident. A field's value wins over the
 * environment's in every command (scripts/command-blocks.ts). Values come from three places, and the line under each
 * field says which:
 * - the alert link (`?pod=api-7f9c`), taken only when it looks like a label value (lib/web/link-values.ts), else
 *   refused with the reason;
 * - this tab's earlier pages: values are kept in `sessionStorage` by service, environment and name, so the next
 *   runbook of the incident opens filled (lib/web/kept-values.ts), until "Clear values";
 * - the reader's typing.
 * A field the environment also fills shows that value as its placeholder text. The form starts folded when every
 * field has a value or an environment's default: the reader's first sight is then the first command.
 */
class ReaderInputs extends HTMLElement {
  connectedCallback() {
    void this.start();
  }

  async start() {
    const details = this.querySelector('details')!;
    const form = this.querySelector('form')!;
    const fields = [...form.querySelectorAll('input')];
    const service = serviceAt(this);
    const typedHere = new Set<string>();
    let refused = new Map<string, { reason: string }>();

    const key = (name: string) => keptValueKey(service, currentEnvironment(), name);
    const keep = (name: string, kept: KeptValue | undefined) =>
      tryStorage(() => (kept ? sessionStorage.setItem(key(name), keptValueText(kept)) : sessionStorage.removeItem(key(name))));

    const showNote = (input: HTMLInputElement) => {
      const environment = currentEnvironment();
      const environmentValue = ownValue(environmentValues(service, environment), input.name);
      input.placeholder = environmentValue ?? '';
      const note = document.getElementById(`input-${input.name}-source`);
      if (!note) return;
      note.textContent = fieldNote({
        kept: readerValue(input.name),
        typedHere: typedHere.has(input.name),
        refused: refused.get(input.name)?.reason,
        environmentValue,
        // The header's picker names the environment (environment ids are slugs: safe in a selector).
        environmentLabel: document.querySelector(`#environment-select option[value="${environment}"]`)?.textContent ?? environment,
      });
      note.hidden = note.textContent === '';
    };

    // The environment's values in the fields, and whatever this tab kept for it.
    const load = () => {
      typedHere.clear();
      for (const input of fields) {
        const kept = parseKeptValue(tryStorage(() => sessionStorage.getItem(key(input.name))) ?? null);
        input.value = kept?.value ?? '';
        setReaderValue(input.name, kept);
        showNote(input);
      }
    };

    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('input', (event) => {
      const input = event.target as HTMLInputElement;
      const value = input.value.trim();
      const kept: KeptValue | undefined = value ? { value, source: 'typed' } : undefined;
      typedHere.add(input.name);
      refused.delete(input.name);
      keep(input.name, kept);
      setReaderValue(input.name, kept);
      showNote(input);
    });
    this.querySelector('.clear-values')?.addEventListener('click', () => {
      tryStorage(() => {
        for (const key of Object.keys(sessionStorage)) if (key.startsWith(KEPT_VALUE_PREFIX)) sessionStorage.removeItem(key);
      });
      refused = new Map();
      load();
    });

    initialEnvironment(environmentIds());
    // The link's values are the newest news of the incident: they replace what the tab kept. The rule that vets them
    // loads only when the link names one of the page's inputs (most visits carry none).
    const query = new URL(location.href).searchParams;
    const inputs = fields.map((input) => ({ name: input.name, label: input.dataset.label }));
    if (inputs.some((input) => query.get(input.name) || (input.label && query.get(input.label)))) {
      const link = (await import('../lib/web/link-values.ts')).valuesFromLink(query, inputs);
      refused = link.refused;
      for (const [name, value] of link.accepted) keep(name, { value, source: 'link' });
    }
    load();
    onEnvironmentChange(load);

    // Open while a field could fill a placeholder that has no value yet (no value, no environment default), or the
    // link's value was refused. A placeholder that is no input stays unfilled whatever the form holds.
    details.open = refused.size > 0 || fields.some((input) => !input.value && !input.placeholder);
  }
}

/** sessionStorage can be disabled (privacy settings, some file:// pages): values then last for the page. */
function tryStorage<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}

customElements.define('reader-inputs', ReaderInputs);
