/**
 * The journey map figure: the definition's stages as columns, its lanes as
 * rendered Markdown, customers per stage and the emotion curve from the event
 * data's stage figures (or the declared scores), with table and finding.
 *
 * @example
 *   const figure = journeyMapFigure(parseJourneyDefinition(yaml, 'map.yaml'), null, { lang: 'en' });
 *   figure.model.lanesAbove[0]?.label; // 'Customer actions'
 */
import { label } from '../charts/labels.ts';
import type { JourneyDefinition } from '../charts/journeyDefinition.ts';
import {
  journeyEmotionChart,
  journeyFinding,
  journeyMapModel,
  journeyTable,
  type JourneyFigures,
  type JourneyMapModel,
  type JourneyMapOptions,
} from '../charts/journeyMap.ts';
import { renderSvg } from '../charts/render.ts';
import type { Figure } from './figure.ts';

export interface JourneyMapFigure extends Figure {
  /** Stages and lanes, drawn by the component as an HTML table around the emotion curve. */
  model: JourneyMapModel;
  /** The emotion curve's SVG, a group named by its lane: it sits in a table cell, not a figure of its own. */
  svg: string;
  scrollCue: string;
}

export function journeyMapFigure(
  journey: JourneyDefinition,
  figures: JourneyFigures,
  options: JourneyMapOptions,
): JourneyMapFigure {
  const model = journeyMapModel(journey, figures, options);
  const emotion = renderSvg(journeyEmotionChart(model, options));
  return {
    model,
    svg: emotion.replace(/^<svg /, '<svg role="group" aria-label="' + model.emotionLabel + '" '),
    table: journeyTable(model, options),
    finding: journeyFinding(model, options),
    notes: [],
    scrollCue: label('scrollCue', options.lang),
  };
}
