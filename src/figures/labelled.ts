/**
 * Results in the reader's language: the raw event, channel, segment and stage
 * names of a result replaced by their labels (src/analytics/dataLabels.ts)
 * before it is drawn, so chart, finding and table read in the page's language;
 * `withRawNames` then adds the data's own name beside each label in the table.
 *
 * @example
 *   const { result, raw } = labelFunnel(funnelResult, labels, 'en', 'channel');
 *   withRawNames(funnelTable(result, options), raw, 'en'); // + a "Name in data" column
 */
import type { PathsResult } from '../analytics/analyses/paths.ts';
import type { SatisfactionResult } from '../analytics/analyses/satisfaction.ts';
import { labelOf, labelledColumnSchema, stepLabelOf, type DataLabels } from '../analytics/dataLabels.ts';
import { cell, type ChartTable } from '../charts/chartTable.ts';
import type { Lang } from '../i18n/locales.ts';

/** Label -> raw name, for the names a relabelling changed. */
export type RawNames = Map<string, string>;

function recorder(raw: RawNames) {
  return (label: string, name: string) => {
    if (label !== name) raw.set(label, name);
    return label;
  };
}

/** A funnel (or a breakdown by `by`) with step names and bucket values labelled. */
export function labelFunnel<
  Result extends { steps: { name: string }[]; breakdown: { value: string; steps: { name: string }[] }[] },
>(
  result: Result,
  labels: DataLabels,
  lang: Lang,
  by?: string,
  raw: RawNames = new Map(),
): { result: Result; raw: RawNames } {
  const keep = recorder(raw);
  const column = labelledColumnSchema.safeParse(by);
  const steps = <S extends { name: string }>(list: S[]) =>
    list.map((step) => ({ ...step, name: keep(stepLabelOf(labels, step.name, lang), step.name) }));
  return {
    result: {
      ...result,
      steps: steps(result.steps),
      breakdown: result.breakdown.map((bucket) => ({
        ...bucket,
        value: column.success ? keep(labelOf(labels, column.data, bucket.value, lang), bucket.value) : bucket.value,
        steps: steps(bucket.steps),
      })),
    },
    raw,
  };
}

/** Session paths with every node labelled. */
export function labelPaths(
  result: PathsResult,
  labels: DataLabels,
  lang: Lang,
): { result: PathsResult; raw: RawNames } {
  const raw: RawNames = new Map();
  const keep = recorder(raw);
  const event = (name: string) => keep(labelOf(labels, 'event', name, lang), name);
  return {
    result: {
      paths: result.paths.map((row) => ({ ...row, path: row.path.map(event) })),
      edges: result.edges.map((edge) => ({ ...edge, source: event(edge.source), target: event(edge.target) })),
    },
    raw,
  };
}

/** Satisfaction rows named in the reader's language (events, stages, channels). */
export function labelSatisfaction(
  result: SatisfactionResult,
  labels: DataLabels,
  lang: Lang,
): { result: SatisfactionResult; raw: RawNames } {
  const raw: RawNames = new Map();
  const keep = recorder(raw);
  const rows = (list: SatisfactionResult['by_event'], column: 'event' | 'stage' | 'channel') =>
    list.map((row) => ({ ...row, name: keep(labelOf(labels, column, row.name, lang), row.name) }));
  return {
    result: {
      ...result,
      by_event: rows(result.by_event, 'event'),
      by_stage: rows(result.by_stage, 'stage'),
      by_channel: rows(result.by_channel, 'channel'),
    },
    raw,
  };
}

const RAW_NAME = { zh: '数据中的名称', en: 'Name in data' } as const;

/** The raw names a cell's text holds: a label, `1. label`, or labels joined by → (paths). */
function rawOf(text: string, raw: RawNames): string | undefined {
  const parts = text.split(' → ');
  const mapped = parts.map((part) => {
    const numbered = /^(\d+\. )(.*)$/.exec(part);
    const name = numbered ? (numbered[2] ?? '') : part;
    const found = raw.get(name);
    return found === undefined ? undefined : (numbered?.[1] ?? '') + found;
  });
  if (mapped.every((name) => name === undefined)) return undefined;
  return mapped.map((name, index) => name ?? parts[index]).join(' → ');
}

/**
 * The table with a "name in data" column after each text column holding
 * labels: the raw name beside the label, so a reader can find it in the file.
 */
export function withRawNames(table: ChartTable, raw: RawNames, lang: Lang): ChartTable {
  if (raw.size === 0) return table;
  const labelled = table.columns
    .map((column, index) => ({ column, index }))
    .filter(
      ({ column, index }) =>
        !column.numeric && table.rows.some((row) => rawOf(row[index]?.text ?? '', raw) !== undefined),
    )
    .map(({ index }) => index);
  if (labelled.length === 0) return table;
  const columns = table.columns.flatMap((column, index) =>
    labelled.includes(index) ? [column, { key: `${column.key}_raw`, label: RAW_NAME[lang] }] : [column],
  );
  const rows = table.rows.map((row) =>
    row.flatMap((item, index) => {
      if (!labelled.includes(index)) return [item];
      const name = rawOf(item.text, raw) ?? item.text;
      return [item, cell(name)];
    }),
  );
  return { columns, rows };
}

/**
 * A result relabelled by `relabel` when labels are given (a chart computed from
 * data); a given result is drawn as it is, with no raw names.
 */
export function labelledBy<Result>(
  computed: Result,
  labels: DataLabels | undefined,
  relabel: (result: Result, labels: DataLabels) => { result: Result; raw: RawNames },
): { result: Result; raw: RawNames } {
  return labels ? relabel(computed, labels) : { result: computed, raw: new Map<string, string>() };
}
