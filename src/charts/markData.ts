/**
 * Puts each mark's datum on its SVG element, so the shared browser script
 * (src/client/charts.ts) can show tooltips and toggle series without Plot:
 * `data-tip` (the tooltip text), `data-series`, focusable with an accessible
 * name. Used as a Plot mark's `render` option.
 *
 * @example
 *   Plot.barX(rows, { x: 'customers', y: 'name', render: withMarkData((i) => ({ tip: `${rows[i].customers}` })) });
 */
import type { RenderFunction } from '@observablehq/plot';

export interface MarkDatum {
  /** Tooltip text; also the element's accessible name. */
  tip: string;
  /** Series key for legend toggles. */
  series?: string;
  /** Further data-* attributes (name without the prefix). */
  data?: Record<string, string | number>;
}

export function withMarkData(datum: (index: number) => MarkDatum | null): RenderFunction {
  return function render(index, scales, values, dimensions, context, next) {
    const group = next!(index, scales, values, dimensions, context) as SVGElement;
    const elements = Array.from(group.children).filter((child) => child.tagName.toLowerCase() !== 'title');
    elements.forEach((element, position) => {
      const item = datum(index[position]!);
      if (!item) return;
      element.setAttribute('data-tip', item.tip);
      element.setAttribute('tabindex', '0');
      element.setAttribute('role', 'graphics-symbol');
      element.setAttribute('aria-label', item.tip);
      if (item.series !== undefined) element.setAttribute('data-series', item.series);
      for (const [name, value] of Object.entries(item.data ?? {})) element.setAttribute(`data-${name}`, String(value));
    });
    return group;
  };
}

/** Marks series membership only (no tooltip), for labels that toggle with their bars. */
export function withSeries(series: (index: number) => string): RenderFunction {
  return function render(index, scales, values, dimensions, context, next) {
    const group = next!(index, scales, values, dimensions, context) as SVGElement;
    Array.from(group.children).forEach((element, position) =>
      element.setAttribute('data-series', series(index[position]!)),
    );
    return group;
  };
}
