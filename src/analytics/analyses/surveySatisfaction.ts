/**
 * Satisfaction per touchpoint from a survey source (one row per answer, the
 * touchpoint in `event`, scores in `csat` 1-5 and/or `nps` 0-10): CSAT and NPS
 * side by side, listed in journey order (the given names first, in their
 * order), then the other touchpoints as spec §8 orders them.
 *
 * @example
 *   surveySatisfaction(survey, ['开户', '激活']);
 *   // [{ name: '开户', csat: { customers: 40, count: 40, mean: 4.1, csat: 0.8 }, nps: null }, ...]
 */
import { z } from 'zod';
import { cellText } from '../cellText.ts';
import { hasColumn, type ColumnTable } from '../events.ts';
import { satisfactionResolved, satisfactionRowSchema, type SatisfactionRow } from './satisfaction.ts';

export const surveyTouchpointSchema = z.object({
  name: z.string(),
  csat: satisfactionRowSchema.nullable(),
  nps: satisfactionRowSchema.nullable(),
});
export type SurveyTouchpoint = z.output<typeof surveyTouchpointSchema>;

export function surveySatisfaction(table: ColumnTable, journeyOrder: readonly string[] = []): SurveyTouchpoint[] {
  const byScore = (column: 'csat' | 'nps', scale: 5 | 10): SatisfactionRow[] =>
    hasColumn(table, column)
      ? satisfactionResolved(
          table.select('customer_id', 'timestamp', 'event', column).rename({ [column]: 'satisfaction' }),
          {
            scale,
          },
        ).by_event
      : [];
  const csat = byScore('csat', 5);
  const nps = byScore('nps', 10);
  const names: string[] = [];
  for (const row of [...csat, ...nps]) if (!names.includes(row.name)) names.push(row.name);
  // Journey order: a name's position among the funnel steps and stages, else after all of them.
  const position = (name: string) => {
    const index = journeyOrder.indexOf(name);
    return index < 0 ? journeyOrder.length : index;
  };
  const ordered = names
    .map((name, index) => ({ name, index }))
    .sort((a, b) => position(a.name) - position(b.name) || a.index - b.index);
  return ordered.map(({ name }) => ({
    name,
    csat: csat.find((row) => row.name === name) ?? null,
    nps: nps.find((row) => row.name === name) ?? null,
  }));
}

/** Non-empty comments of a survey table: counted, their text never kept or published. */
export function countComments(table: ColumnTable): number {
  if (!hasColumn(table, 'comment')) return 0;
  const values = table.array('comment') as ArrayLike<unknown>;
  let count = 0;
  for (let row = 0; row < values.length; row++) if (cellText(values[row]).trim() !== '') count++;
  return count;
}
