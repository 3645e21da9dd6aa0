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
import { dataCaption, filterPeriod, loadEventsCached, loadOptionsOf, tableRange, type Caption } from './chartData.ts';
import { forProp, required } from './chartProps.ts';
import type { NumberFormat } from '../analytics/load/formattedNumber.ts';

export interface ChartDataProps<Spec, Result> {
  data?: string;
  map?: Record<string, string>;
  tz?: string;
  skipInvalid?: boolean;
  dedupe?: boolean;
  excelDates?: boolean;
  numberFormat?: NumberFormat;
  sheet?: string;
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

type PeriodRange = ReturnType<typeof tableRange>;

/** One period of a comparison: its log (else the chart's) and the dates kept. */
export interface ComparePeriod {
  data?: string;
  from?: string;
  to?: string;
}

/**
 * The opening of charts that compare two periods: each period's rows (its own
 * log, else the chart's `data`, filtered to from/to) analysed with one spec,
 * with the file names and date ranges for the caption.
 *
 * @example
 *   const { before, after, source, ranges } = await periodResults('KpiTiles', page, props, props.compare, funnelResolved, "tiles'");
 */
export async function periodResults<Spec, Result>(
  component: string,
  page: string,
  props: Omit<ChartDataProps<Spec, unknown>, 'result'>,
  compare: { before: ComparePeriod; after: ComparePeriod },
  analyse: (table: ColumnTable, spec: Spec) => Result,
  owner: string,
): Promise<{
  before: Result;
  after: Result;
  /** Each period's data file (its own, else the chart's). */
  files: { before: string; after: string };
  /** The period files' names, each once: the caption's source. */
  source: string;
  ranges: { before: PeriodRange; after: PeriodRange };
}> {
  const load = async (which: 'before' | 'after') => {
    const period = compare[which];
    const file = period.data ?? props.data;
    if (!file) throw new Error(`${which}: give the period's data file (compare.${which}.data) or the ${owner} data`);
    const { table } = await loadEventsCached(file, loadOptionsOf(props));
    const rows = filterPeriod(table, period.from, period.to);
    return { file, rows, range: tableRange(rows) };
  };
  const [before, after] = await forProp(component, page, 'compare', () => Promise.all([load('before'), load('after')]));
  const results = await forProp(component, page, 'spec', () => ({
    before: analyse(before.rows, required(props.spec, 'spec')),
    after: analyse(after.rows, required(props.spec, 'spec')),
  }));
  return {
    ...results,
    files: { before: before.file, after: after.file },
    source: [...new Set([before.file, after.file].map((file) => file.split('/').pop()))].join(', '),
    ranges: { before: before.range, after: after.range },
  };
}
