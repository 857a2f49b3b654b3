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
      // The item's own text: a nested list holds the sub-tasks, which have checkboxes and names of their own.
      const own = item?.children.filter((child) => !(child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol'))) ?? [];
      const label = own
        .map((child) => ctx.textContent(child))
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      if (label) ctx.setProperty(node, 'aria-label', label);
    },
  },
};
