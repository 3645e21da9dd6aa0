/**
 * The what-if figure: current against projected customers per step, and the
 * slider's model (the browser script recomputes the projection from `config`).
 * With a step under k only the suppressed table is shown: no bars, no slider,
 * no counts in attributes.
 *
 * @example
 *   const figure = whatIfFigure(whatIf(table, { steps, step: 4, uplift: 0.2 }), { lang: 'en', k: 5 });
 *   figure.slider?.upliftText; // '+20%'
 */
import type { WhatIfResult } from '../analytics/analyses/whatIf.ts';
import { formatMoney, formatProjected, formatSignedPercent } from '../charts/format.ts';
import { label } from '../charts/labels.ts';
import { renderSvg } from '../charts/render.ts';
import { COLORS } from '../charts/theme.ts';
import { whatIfChart, whatIfFinding, whatIfSuppressed, whatIfTable, type WhatIfOptions } from '../charts/whatIf.ts';
import type { Figure } from './figure.ts';
import type { LabelOptions } from './funnel.ts';
import { labelFunnel, withRawNames } from './labelled.ts';

/** What the browser script needs to recompute the projection. */
export interface WhatIfConfig {
  lang: WhatIfOptions['lang'];
  step: number;
  customers: number[];
  fromPrevious: (number | null)[];
  aov: number | null;
  currency: string | null;
}

export interface WhatIfSlider {
  config: WhatIfConfig;
  /** The slider's label, naming the step whose conversion it lifts: "Relative uplift in conversion: 4. purchase". */
  inputLabel: string;
  /** The last step's name, where the additional customers arrive. */
  lastStep: string;
  uplift: number;
  maxUplift: number;
  upliftText: string;
  additionalText: string;
  /** The additional value, or undefined when the result has no order value. */
  valueText: string | undefined;
}

export interface WhatIfFigure extends Figure {
  /** The slider and summary; undefined when the projection is withheld. */
  slider: WhatIfSlider | undefined;
}

/** Step names in the reader's language; the table keeps the data's names beside them. */
export function whatIfFigure(
  computed: WhatIfResult,
  options: WhatIfOptions & LabelOptions & { maxUplift: number },
): WhatIfFigure {
  const { lang, labels } = options;
  const labelled = labels ? labelFunnel({ ...computed, breakdown: [] }, labels, lang) : undefined;
  const result = labelled ? { ...computed, steps: labelled.result.steps } : computed;
  const table = withRawNames(whatIfTable(result, options), labelled?.raw ?? new Map<string, string>(), lang);
  const finding = whatIfFinding(result, options);
  if (whatIfSuppressed(result, options.k)) return { svg: undefined, table, finding, notes: [], slider: undefined };
  const target = result.steps[result.step - 1];
  const last = result.steps[result.steps.length - 1];
  if (!target || !last) throw new Error(`step ${result.step} is not one of the funnel's ${result.steps.length} steps`);
  return {
    svg: renderSvg(whatIfChart(result, options)),
    table,
    finding,
    legend: [
      { key: label('current', lang), color: COLORS.before },
      { key: label('projected', lang), color: COLORS.primary },
    ],
    notes: [],
    slider: {
      config: {
        lang,
        step: result.step,
        customers: result.steps.map((step) => step.customers),
        fromPrevious: result.steps.map((step) => step.conversion_from_previous),
        aov: result.aov,
        currency: options.currency ?? null,
      },
      inputLabel: `${label('upliftLabel', lang)}: ${target.step}. ${target.name}`,
      lastStep: last.name,
      uplift: result.uplift,
      maxUplift: Math.max(options.maxUplift, result.uplift),
      upliftText: formatSignedPercent(result.uplift, lang, 0),
      additionalText: formatProjected(result.additional_customers, lang),
      valueText: result.aov === null ? undefined : formatMoney(result.additional_value, lang, options.currency),
    },
  };
}
