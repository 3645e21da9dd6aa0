/**
 * GitHub task lists (`- [ ] item`) in chapters: Markdown draws each box as an
 * unlabelled disabled `<input type="checkbox">`, which axe reports (label,
 * critical) and a screen reader announces as "checkbox, unlabelled". This
 * wraps the box and its item's text in a `<label>`, so the text names it.
 * `labelTaskItem` is the pure rewrite; `taskListLabels` binds it into Astro's
 * Markdown processor (Sätteri), which MDX inherits.
 *
 * @example
 *   // astro.config.mjs
 *   markdown: { processor: satteri({ hastPlugins: [taskListLabels] }) }
 *   // <li class="task-list-item"><input type="checkbox" disabled> Tag every entry</li>
 *   // -> <li class="task-list-item"><label><input type="checkbox" disabled> Tag every entry</label></li>
 */
import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import type { Element, ElementContent } from 'hast';

const isElement = (node: ElementContent, tagName?: string): node is Element =>
  node.type === 'element' && (tagName === undefined || node.tagName === tagName);

const isCheckbox = (node: ElementContent) => isElement(node, 'input') && node.properties.type === 'checkbox';

/** Nested lists and blocks stay outside the label: it holds phrasing content only. */
const BLOCK = new Set(['ul', 'ol', 'p', 'div', 'pre', 'blockquote', 'table']);

/** Wraps the checkbox and the text after it in a label; a new element, or null when there is no box to label. */
function withLabel(container: Element): Element | null {
  const start = container.children.findIndex(isCheckbox);
  if (start === -1) return null;
  let end = start + 1;
  while (end < container.children.length) {
    const node = container.children[end]!;
    if (isElement(node) && BLOCK.has(node.tagName)) break;
    end++;
  }
  const label: Element = {
    type: 'element',
    tagName: 'label',
    properties: {},
    children: container.children.slice(start, end),
  };
  return { ...container, children: [...container.children.slice(0, start), label, ...container.children.slice(end)] };
}

/** A task-list item with its box labelled (tight lists: box in the <li>; loose: in its first <p>), or null. */
export function labelTaskItem(item: Element): Element | null {
  const classes = item.properties.className;
  if (item.tagName !== 'li' || !Array.isArray(classes) || !classes.includes('task-list-item')) return null;
  const direct = withLabel(item);
  if (direct) return direct;
  const index = item.children.findIndex((child) => isElement(child, 'p') && child.children.some(isCheckbox));
  if (index === -1) return null;
  const paragraph = withLabel(item.children[index] as Element)!;
  return { ...item, children: item.children.map((child, i) => (i === index ? paragraph : child)) };
}

type HastPlugin = NonNullable<SatteriProcessorOptions['hastPlugins']>[number];

export const taskListLabels: HastPlugin = {
  name: 'journey-kit:task-list-labels',
  element: {
    filter: ['li'],
    visit: (node) => labelTaskItem(node) ?? undefined,
  },
};
