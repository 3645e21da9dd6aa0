/**
 * What a figure factory returns: everything a chart component renders, computed
 * without Astro (Starlight's pure factory plus thin binding). Components keep
 * only binding: props validation, the factory call and the markup.
 *
 * @example
 *   const figure: Figure = retentionGridFigure(result, { lang: 'en', k: 5 });
 */
import type { ChartTable } from '../charts/chartTable.ts';

export interface Figure {
  /** The chart as SVG markup; undefined when nothing may be drawn (all of it suppressed). */
  svg: string | undefined;
  /** The numbers behind the chart (the <details> table and the CSV download). */
  table: ChartTable;
  /** The one-sentence finding above the chart. */
  finding: string;
  /** Legend entries, when the chart has series. */
  legend?: { key: string; color: string }[];
  /** Notes printed under the chart, after the caption. */
  notes: string[];
}
