/**
 * The opening every analysis chart shares: its result, computed from the event
 * log (`data` + the parsed `spec`) or given as `result`, and the caption's
 * source and period. Errors name the component, the prop and the page.
 *
 * @example
 *   const { result, caption } = await chartResult('RetentionGrid', page, lang, props, retentionResolved);
 */
import type { ColumnTable } from '../analytics/events.ts';
import type { Lang } from '../i18n/locales.ts';
import { dataCaption, loadEventsCached, loadOptionsOf, type Caption } from './chartData.ts';
import { forProp, required } from './chartProps.ts';

export interface ChartDataProps<Spec, Result> {
  data?: string;
  map?: Record<string, string>;
  tz?: string;
  skipInvalid?: boolean;
  dedupe?: boolean;
  source?: string;
  period?: string;
  spec?: Spec;
  result?: Result;
}

export async function chartResult<Spec, Result>(
  component: string,
  page: string,
  lang: Lang,
  props: ChartDataProps<Spec, Result>,
  analyse: (table: ColumnTable, spec: Spec) => Result,
): Promise<{ result: Result; caption: Caption }> {
  const file = props.data;
  if (file === undefined) {
    return { result: required(props.result, 'result'), caption: dataCaption(undefined, undefined, lang, props) };
  }
  const loaded = await forProp(component, page, 'data', () => loadEventsCached(file, loadOptionsOf(props)));
  const result = await forProp(component, page, 'spec', () => analyse(loaded.table, required(props.spec, 'spec')));
  return { result, caption: dataCaption(file, loaded.summary, lang, props) };
}
