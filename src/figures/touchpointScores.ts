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
import type { LabelOptions } from './funnel.ts';
import { labelSatisfaction, labelledBy, withRawNames } from './labelled.ts';

/** Touchpoint, stage and channel names in the reader's language; the table keeps the data's names beside them. */
export function touchpointScoresFigure(
  computed: SatisfactionResult,
  options: TouchpointScoresOptions & LabelOptions,
): Figure {
  const { lang, labels } = options;
  const { result, raw } = labelledBy(computed, labels, (unlabelled, given) =>
    labelSatisfaction(unlabelled, given, lang),
  );
  return {
    svg: renderSvg(touchpointScoresChart(result, options)),
    table: withRawNames(touchpointScoresTable(result, options), raw, lang),
    finding: touchpointScoresFinding(result, options),
    notes: [],
  };
}
