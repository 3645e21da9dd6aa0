/**
 * How narrow a chart may be drawn before its text drops below a readable
 * size. Charts are SVGs scaled to their column: on a 390 px phone a 640-wide
 * chart with 12 px text would render it at 6-7 px. Below this width the
 * figure scrolls sideways instead of shrinking further.
 *
 * @example
 *   readableMinWidth('<svg width="640" style="font-size:12px" ...>'); // 587 (640 × 11 / 12)
 */

/** The smallest text size on a page, in CSS px (WCAG-minded; phones' own minimum is about 11-12 px). */
export const MIN_TEXT_PX = 11;

/** The narrowest width (CSS px) at which the SVG's text stays at `minPx`; null when it has no width. */
export function readableMinWidth(svg: string, minPx = MIN_TEXT_PX): number | null {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  if (!root) return null;
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0)) return null;
  // The root's style wins over its font-size attribute (Plot writes both); inner sizes below it count too.
  const rootSize = Number(/font-size:\s*([\d.]+)px/.exec(root)?.[1] ?? /\sfont-size="([\d.]+)"/.exec(root)?.[1] ?? 16);
  const inner = [...svg.slice(root.length).matchAll(/font-size(?:="|:\s*)([\d.]+)/g)].map((match) => Number(match[1]));
  const smallest = Math.min(rootSize, ...inner.filter((size) => size > 0));
  return Math.ceil((width * minPx) / smallest);
}
