/**
 * Names of a log's values in the reader's language: a labels file maps the raw
 * event, channel, segment and stage names of event logs (as they are in the
 * data, e.g. `view_product`, `网点`) to a label per language. Charts show the
 * label; the data table keeps the raw name beside it. Reading the file is
 * load/labels.ts; this is the shape and the lookup.
 *
 * @example
 *   const labels = dataLabelsSchema.parse({ channel: { 网点: { zh: '网点', en: 'Branch' } } });
 *   labelOf(labels, 'channel', '网点', 'en'); // 'Branch'
 *   labelOf(labels, 'channel', 'kiosk', 'en'); // 'kiosk' (no label: the raw name)
 */
import { z } from 'zod';

/** The languages a label is given in. */
export const labelLangSchema = z.enum(['zh', 'en']);
export type LabelLang = z.infer<typeof labelLangSchema>;

/** The columns whose values have labels. */
export const labelledColumnSchema = z.enum(['event', 'channel', 'segment', 'stage']);
export type LabelledColumn = z.infer<typeof labelledColumnSchema>;

const namesSchema = z.record(z.string().min(1), z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }));

export const dataLabelsSchema = z.strictObject({
  event: namesSchema.optional(),
  channel: namesSchema.optional(),
  segment: namesSchema.optional(),
  stage: namesSchema.optional(),
});
export type DataLabels = z.infer<typeof dataLabelsSchema>;

/** No labels: every name shows as it is in the data. */
export const NO_LABELS: DataLabels = {};

/** The label of `raw` in `lang`, or `raw` itself when the labels do not name it. */
export function labelOf(labels: DataLabels, column: LabelledColumn, raw: string, lang: LabelLang): string {
  const names = labels[column];
  return names && Object.hasOwn(names, raw) ? (names[raw]?.[lang] ?? raw) : raw;
}

/**
 * A funnel step's label: a step may accept alternatives (`a|b`), each labelled;
 * the separator stays, so the reader sees the same alternatives.
 */
export function stepLabelOf(labels: DataLabels, step: string, lang: LabelLang): string {
  return step
    .split('|')
    .map((name) => labelOf(labels, 'event', name.trim(), lang))
    .join(' | ');
}

/** Whether `raw` has a label different from itself (then a table shows both). */
export function hasOwnLabel(labels: DataLabels, column: LabelledColumn, raw: string, lang: LabelLang): boolean {
  return labelOf(labels, column, raw, lang) !== raw;
}
