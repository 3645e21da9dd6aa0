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
import type { LabelOptions } from './funnel.ts';
import { labelPaths, labelledBy, withRawNames } from './labelled.ts';

export interface PathFlowFigure extends Figure {
  /** Caption of the data table (the flow edges). */
  tableCaption: string;
  /** The most common whole paths, a second table under the chart. */
  topPaths: ChartTable;
  topPathsCaption: string;
}

/** Event names in the reader's language; both tables keep the data's names beside them. */
export function pathFlowFigure(computed: PathsResult, options: PathFlowOptions & LabelOptions): PathFlowFigure {
  const { lang, labels } = options;
  const { result, raw } = labelledBy(computed, labels, (unlabelled, given) => labelPaths(unlabelled, given, lang));
  return {
    svg: renderSvg(pathFlowChart(result, options)),
    table: withRawNames(flowEdgesTable(result, options), raw, lang),
    tableCaption: label('flowEdges', options.lang),
    finding: pathFlowFinding(result, options),
    topPaths: withRawNames(topPathsTable(result, options), raw, lang),
    topPathsCaption: label('topPaths', options.lang),
    notes: [],
  };
}
