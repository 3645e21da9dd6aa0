/** Task-list boxes get their item's text as a label (axe: label, critical). */
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { labelTaskItem } from '../../src/integrations/taskListLabels.ts';

const box = (): Element => ({
  type: 'element',
  tagName: 'input',
  properties: { type: 'checkbox', disabled: true },
  children: [],
});
const text = (value: string) => ({ type: 'text' as const, value });
const el = (tagName: string, children: Element['children'], className?: string[]): Element => ({
  type: 'element',
  tagName,
  properties: className ? { className } : {},
  children,
});
const tags = (element: Element) => element.children.map((c) => (c.type === 'element' ? c.tagName : c.type));

describe('labelTaskItem', () => {
  it('wraps the box and the text of a tight item in a label, leaving a nested list outside', () => {
    const nested = el('ul', [el('li', [text('sub')])]);
    const item = el('li', [box(), text(' Tag every '), el('strong', [text('entry')]), nested], ['task-list-item']);
    const labelled = labelTaskItem(item)!;
    expect(tags(labelled)).toEqual(['label', 'ul']);
    expect(tags(labelled.children[0] as Element)).toEqual(['input', 'text', 'strong']);
    expect(labelled.children[1]).toBe(nested);
    expect(labelled.properties).toEqual({ className: ['task-list-item'] });
    expect(tags(item)).toEqual(['input', 'text', 'strong', 'ul']); // the input is not changed
  });

  it('labels the box of a loose item inside its paragraph', () => {
    const item = el('li', [text('\n'), el('p', [box(), text(' Done')])], ['task-list-item']);
    const labelled = labelTaskItem(item)!;
    const paragraph = labelled.children[1] as Element;
    expect(tags(paragraph)).toEqual(['label']);
    expect(tags(paragraph.children[0] as Element)).toEqual(['input', 'text']);
  });

  it('leaves other list items alone', () => {
    expect(labelTaskItem(el('li', [text('no box')]))).toBeNull();
    expect(labelTaskItem(el('li', [box(), text('a box, but no task list')]))).toBeNull();
    expect(labelTaskItem(el('li', [text('no box')], ['task-list-item']))).toBeNull();
  });
});
