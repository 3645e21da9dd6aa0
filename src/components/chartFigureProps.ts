/**
 * The props a chart component hands to <ChartFigure> alike: the figure a
 * factory made, its caption, its identity and the "Reproduce" disclosure.
 * Props only some charts have (legend, tableCaption, details) are added by the
 * component beside these.
 *
 * @example
 *   <ChartFigure {...chartFigureProps({ component: 'RetentionGrid', astroProps: Astro.props, id, kind: 'retention', props, lang, caption, figure })} />
 */
import type { Figure } from '../figures/figure.ts';
import { reproduceChart } from '../figures/reproduce.ts';
import type { Lang } from '../i18n/locales.ts';
import type { Caption } from './chartData.ts';

export function chartFigureProps(binding: {
  component: string;
  astroProps: Record<string, unknown>;
  id: string;
  kind: string;
  props: { title: string; k?: number };
  lang: Lang;
  caption: Caption;
  figure: Figure;
}) {
  const { component, astroProps, id, kind, props, lang, caption, figure } = binding;
  return {
    reproduce: reproduceChart(component, astroProps),
    id,
    kind,
    title: props.title,
    finding: figure.finding,
    lang,
    source: caption.source,
    period: caption.period,
    svg: figure.svg,
    table: figure.table,
    k: props.k,
  };
}
