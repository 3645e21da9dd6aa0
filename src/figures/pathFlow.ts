/**
 * The path flow figure (spec §5.5): the Sankey of flow edges, the edges as its
 * data table, and the top-paths table shown beside it.
 *
 * @example
 *   pathFlowFigure(paths(table, { depth: 4 }), { lang: 'en', k: 5 }).topPaths.rows.length;
 */
import type { PathsResult } from '../analytics/analyses/paths.ts';
import type { ChartTable } from '../charts/chartTable.ts';
import { label } from '../charts/labels.ts';
import {
  flowEdgesTable,
  pathFlowChart,
  pathFlowFinding,
  topPathsTable,
  type PathFlowOptions,
} from '../charts/pathFlow.ts';
import { renderSvg } from '../charts/render.ts';
import type { Figure } from './figure.ts';

export interface PathFlowFigure extends Figure {
  /** Caption of the data table (the flow edges). */
  tableCaption: string;
  /** The most common whole paths, a second table under the chart. */
  topPaths: ChartTable;
  topPathsCaption: string;
}

export function pathFlowFigure(result: PathsResult, options: PathFlowOptions): PathFlowFigure {
  return {
    svg: renderSvg(pathFlowChart(result, options)),
    table: flowEdgesTable(result, options),
    tableCaption: label('flowEdges', options.lang),
    finding: pathFlowFinding(result, options),
    topPaths: topPathsTable(result, options),
    topPathsCaption: label('topPaths', options.lang),
    notes: [],
  };
}
