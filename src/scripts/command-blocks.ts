import { copyText } from '../lib/web/copy-text.ts';
import { ownValue } from '../lib/web/placeholder-values.ts';
import { writeClipboard } from './clipboard.ts';
import { currentEnvironment, initialEnvironment, onEnvironmentChange } from './environment.ts';
import { environmentIds, environmentValues, onReaderValueChange, readerValue, serviceAt } from './placeholder-values.ts';

/**
 * Fills every `{{placeholder}}` of the page and makes the copy buttons copy what is on screen. A value of the "Fill
 * in" form (typed, or from the alert link: readerValue) wins over the chosen environment's: it is what
 * is known of this incident (the pod that is crashing, the cluster the alert came from), where the environment only
 * knows the usual value. Values are only ever set as text, never as HTML.
 */
const status = document.getElementById('copy-status');

function fillPlaceholders(): void {
  const environment = currentEnvironment();
  for (const span of document.querySelectorAll<HTMLElement>('.ph[data-placeholder]')) {
    const name = span.dataset.placeholder!;
    const reader = readerValue(name);
    const value = reader?.value ?? ownValue(environmentValues(serviceAt(span), environment), name);
    // The placeholder's own token spans keep their colours; the value replaces their text.
    const target = span.firstElementChild instanceof HTMLElement && span.childElementCount === 1 ? span.firstElementChild : span;
    target.textContent = value ?? `{{${name}}}`;
    span.toggleAttribute('data-filled', value !== undefined);
    span.toggleAttribute('data-unfilled', value === undefined);
    span.toggleAttribute('data-from-link', reader?.source === 'link');
    span.title = value === undefined ? `{{${name}}} is not filled in` : `{{${name}}}${reader?.source === 'link' ? ', from the alert link' : ''}`;
  }
}

function blockText(block: Element): string {
  const lines = [...block.querySelectorAll('.line')].map((line) => {
    const clone = line.cloneNode(true) as Element;
    for (const prompt of clone.querySelectorAll('.prompt')) prompt.remove();
    return { text: clone.textContent ?? '', output: line.classList.contains('output') };
  });
  return copyText(lines);
}

function announce(button: HTMLButtonElement, state: 'copied' | 'failed', message: string): void {
  button.dataset.state = state;
  button.textContent = state === 'copied' ? 'Copied' : 'Copy failed';
  if (status) status.textContent = message;
  setTimeout(() => {
    delete button.dataset.state;
    button.textContent = 'Copy';
  }, 2000);
}

async function copy(button: HTMLButtonElement): Promise<void> {
  const block = button.closest('.command-block');
  if (!block) return;
  const unfilled = [...new Set([...block.querySelectorAll<HTMLElement>('.ph[data-unfilled]')].map((span) => span.dataset.placeholder))];
  if (unfilled.length > 0 && !confirm(`Not filled in yet: ${unfilled.map((name) => `{{${name}}}`).join(', ')}.\n\nCopy the command anyway?`)) return;
  const destructive = block.getAttribute('data-destructive');
  // A link is written by whoever sent it: before a destructive command is copied, show what the link put in it.
  const fromLink = [...new Set([...block.querySelectorAll<HTMLElement>('.ph[data-from-link]')].map((span) => span.dataset.placeholder!))];
  const linkLines = fromLink.map((name) => `  ${name} = ${readerValue(name)?.value}`).join('\n');
  if (destructive && !confirm(`Destructive command: ${destructive}.${linkLines && `\n\nValues from the alert link:\n${linkLines}`}\n\nCopy it anyway?`)) return;
  const copied = await writeClipboard(blockText(block));
  if (copied) announce(button, 'copied', 'Copied to the clipboard');
  else {
    announce(button, 'failed', 'Copy failed: select the command and copy it by hand');
    const selection = getSelection();
    selection?.selectAllChildren(block.querySelector('code') ?? block);
  }
}

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest?.('.copy-button');
  if (button instanceof HTMLButtonElement) void copy(button);
});

onReaderValueChange(fillPlaceholders);

initialEnvironment(environmentIds());
onEnvironmentChange(fillPlaceholders);
fillPlaceholders();

// The links to a block's query in Prometheus and Grafana (query-links.ts): fetched only by pages that have a query,
// and handed the page's state rather than importing it (their chunk then depends on no other, which spares every page
// Vite's list of dependencies to preload).
if (document.querySelector('[data-query]')) {
  void import('./query-links.ts').then((links) =>
    links.default(currentEnvironment, environmentValues, readerValue, serviceAt, ownValue, onEnvironmentChange, onReaderValueChange),
  );
}
