/**
 * The opportunity matrix figure: the list (a file's contents or the chart's
 * prop, a bare list or `{ opportunities, scale }`) prioritised, drawn as impact
 * against effort, with its table, finding and the ranked list under the chart.
 *
 * @example
 *   const result = prioritisedOpportunities([{ name: 'One-page checkout', impact: 4, effort: 2, reach: 900, confidence: 0.8 }]);
 *   opportunityMatrixFigure(result, { lang: 'en' }).ranking[0]; // { name: 'One-page checkout', detail: '(Priority score 1,440 · Quick wins)' }
 */
import {
  parseOpportunitiesSpec,
  prioritiseOpportunitiesResolved,
  type OpportunitiesResult,
} from '../analytics/analyses/opportunities.ts';
import { label } from '../charts/labels.ts';
import {
  formatScore,
  opportunityFinding,
  opportunityMatrixChart,
  opportunityTable,
  quadrantName,
  type OpportunityMatrixOptions,
} from '../charts/opportunityMatrix.ts';
import { renderSvg } from '../charts/render.ts';
import type { Figure } from './figure.ts';

/** The list scored and ranked; the chart's `scale`, when given, wins over the list's own. */
export function prioritisedOpportunities(input: unknown, scale?: [number, number]): OpportunitiesResult {
  const list: unknown = Array.isArray(input) ? { opportunities: input } : input;
  const withScale = scale && typeof list === 'object' ? { ...list, scale } : list;
  return prioritiseOpportunitiesResolved(parseOpportunitiesSpec(withScale));
}

export interface OpportunityMatrixFigure extends Figure {
  /** The ranked list under the chart: each name and its "(Priority score 1,440 · Quick wins)". */
  ranking: { name: string; detail: string }[];
}

export function opportunityMatrixFigure(
  result: OpportunitiesResult,
  options: OpportunityMatrixOptions,
): OpportunityMatrixFigure {
  const { lang } = options;
  return {
    svg: renderSvg(opportunityMatrixChart(result, options)),
    table: opportunityTable(result, options),
    finding: opportunityFinding(result, options),
    notes: [],
    ranking: result.opportunities.map((item) => ({
      name: item.name,
      detail: `(${label('priority', lang)} ${formatScore(item.score, lang)} · ${quadrantName(item.quadrant, lang)})`,
    })),
  };
}
