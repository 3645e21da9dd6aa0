/**
 * The retention grid figure: heatmap SVG, table, finding and the note on
 * partial periods, from a retention result (spec §6).
 *
 * @example
 *   retentionGridFigure(retention(table, { period: 'week' }), { lang: 'en', k: 5 }).notes;
 *   // ['* Dashed cells (*) are partial periods'] when a cohort has a partial period
 */
import type { RetentionResult } from '../analytics/analyses/retention.ts';
import { label } from '../charts/labels.ts';
import { renderSvg } from '../charts/render.ts';
import {
  retentionFinding,
  retentionGridChart,
  retentionTable,
  type RetentionGridOptions,
} from '../charts/retentionGrid.ts';
import type { Figure } from './figure.ts';

export function retentionGridFigure(result: RetentionResult, options: RetentionGridOptions): Figure {
  const partial = result.cohorts.some((cohort) => cohort.partial.some(Boolean));
  return {
    svg: renderSvg(retentionGridChart(result, options)),
    table: retentionTable(result, options),
    finding: retentionFinding(result, options),
    notes: partial ? [`* ${label('partialNote', options.lang)}`] : [],
  };
}
