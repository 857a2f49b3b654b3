import type { Element, Nodes, Root } from 'hast';
import { htmlToHast } from 'satteri';

/**
 * Reading rendered HTML in unit tests: parse it (satteri's HTML parser, the one the Markdown pipeline uses),
 * then find elements by tag and class and read their text, instead of matching strings against whole documents.
 */

export function parseHtml(html: string): Root {
  return htmlToHast(html, { fragment: true }) as Root;
}

export function classList(element: Element): string[] {
  const value: unknown = element.properties['className'];
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

/** Every element under `node`, in document order, that has the tag (`*` for any) and all the classes of `selector`: `span.ph`, `.line.output`. */
export function selectAll(node: Nodes, selector: string): Element[] {
  const [tag = '*', ...classes] = selector.split('.');
  const found: Element[] = [];
  const visit = (current: Nodes) => {
    if (current.type === 'element') {
      const own = classList(current);
      if ((tag === '*' || tag === '' || current.tagName === tag) && classes.every((name) => own.includes(name))) found.push(current);
    }
    if ('children' in current) for (const child of current.children) visit(child);
  };
  visit(node);
  return found;
}

/** The one element matching `selector`; fails when there is none or more than one. */
export function selectOne(node: Nodes, selector: string): Element {
  const found = selectAll(node, selector);
  if (found.length !== 1) throw new Error(`expected exactly one ${selector}, found ${found.length}`);
  return found[0]!;
}

/** The text of a node, as `textContent` gives it. */
export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child)).join('') : '';
}
