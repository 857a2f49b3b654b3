import type { HastPluginDefinition } from 'satteri';

/**
 * Gives the checkbox of each GFM task-list item the item's text as its accessible name, so a screen reader
 * announces "Acknowledge the alert, checkbox" instead of an unlabelled control.
 *
 * `- [ ] Ack the alert` → `<li class="task-list-item"><input type="checkbox" disabled aria-label="Ack the alert"> Ack the alert</li>`
 */
export const hastTaskListLabels: HastPluginDefinition = {
  name: 'runbooks:task-list-labels',
  element: {
    filter: ['input'],
    visit(node, ctx) {
      if (node.properties?.['type'] !== 'checkbox') return;
      const item = ctx.parent(node);
      const label = item ? ctx.textContent(item).trim() : '';
      if (label) ctx.setProperty(node, 'aria-label', label);
    },
  },
};
