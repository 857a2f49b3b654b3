/**
 * `<reader-inputs>` (components/ReaderInputs.astro): every keystroke in a field is announced as a `runbooks:input`
 * event, which scripts/command-blocks.ts turns into the placeholder's value. The form is never submitted.
 */
class ReaderInputs extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector('form')!;
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('input', (event) => {
      const input = event.target as HTMLInputElement;
      document.dispatchEvent(new CustomEvent('runbooks:input', { detail: { name: input.name, value: input.value } }));
    });
  }
}
customElements.define('reader-inputs', ReaderInputs);
