/**
 * Draws a Plot specification to an SVG string at build time, with linkedom as
 * the document, so charts are in the HTML: visible without JavaScript, in
 * print, and at first paint.
 *
 * @example
 *   renderSvg({ marks: [Plot.barX([1, 2, 3])] }); // '<svg viewBox="0 0 640 ...">...</svg>'
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

/**
 * A start tag as linkedom writes it: attribute values double-quoted (their `"` escaped) but with
 * raw < and >; text never holds a raw <. Matching whole tags keeps a text like `a="b"` out of reach.
 */
const START_TAG = /<[a-zA-Z][^\s/>]*(?:\s+[^\s"'>/=]+(?:="[^"]*")?)*\s*\/?>/g;

export function renderSvg(options: Plot.PlotOptions): string {
  const node = Plot.plot({ ...options, document });
  if (node.tagName.toLowerCase() !== 'svg') {
    throw new Error(
      'renderSvg: the Plot options made a <figure> (title, caption or legend); charts put those in their own <figure>',
    );
  }
  // linkedom leaves < and > raw inside attribute values (valid HTML, not valid XML): escape them, so
  // the SVG is also a well-formed file (golden files, downloads) whatever the event names hold.
  // Plot also names its groups ("bar", "x-axis tick") with aria-label on role-less <g>, which ARIA
  // forbids (axe: aria-prohibited-attr); the marks carry their own names, so those labels go.
  return node.outerHTML.replace(START_TAG, (tag) => {
    const escaped = tag.replace(
      /="([^"]*)"/g,
      (_, value: string) => `="${value.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`,
    );
    return /^<g\b/.test(escaped) ? escaped.replace(/ aria-label="[^"]*"/, '') : escaped;
  });
}

/** Whether an SVG has marks the reader can focus (then it must not be role="img"). */
export function hasFocusableMarks(svg: string): boolean {
  return svg.includes('tabindex="0"');
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Names the SVG: a chart without focusable marks is one image (role="img" with
 * the finding as its name); one with focusable marks stays a group of them.
 */
export function labelSvg(svg: string, name: string): string {
  const attributes = hasFocusableMarks(svg)
    ? `role="group" aria-label="${escapeAttribute(name)}"`
    : `role="img" aria-label="${escapeAttribute(name)}"`;
  return svg.replace(/^<svg /, `<svg ${attributes} `);
}
