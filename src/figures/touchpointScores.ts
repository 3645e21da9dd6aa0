/**
 * The touchpoint scores figure (spec §8): CSAT, NPS or the mean per touchpoint,
 * stage or channel, with its table and finding.
 *
 * @example
 *   touchpointScoresFigure(satisfaction(table, { scale: 5 }), { lang: 'en', by: 'stage' }).finding;
 */
import type { SatisfactionResult } from '../analytics/analyses/satisfaction.ts';
import { renderSvg } from '../charts/render.ts';
import {
  touchpointScoresChart,
  touchpointScoresFinding,
  touchpointScoresTable,
  type TouchpointScoresOptions,
} from '../charts/touchpointScores.ts';
import type { Figure } from './figure.ts';

export function touchpointScoresFigure(result: SatisfactionResult, options: TouchpointScoresOptions): Figure {
  return {
    svg: renderSvg(touchpointScoresChart(result, options)),
    table: touchpointScoresTable(result, options),
    finding: touchpointScoresFinding(result, options),
    notes: [],
  };
}
