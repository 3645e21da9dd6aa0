/**
 * A survey table (long format: one row per answer, spec §1 columns with the
 * question in `event` and the score in `csat`, `nps` or `satisfaction`) turned
 * wide: one score per customer and question. A customer who answered a question
 * more than once gets the mean of their scores; rows without a score are
 * ignored. A customer's value of a grouping column (`by`) is the first
 * non-empty one in row order, `(none)` when there is none.
 *
 * @example
 *   const answers = surveyAnswers(table, 'csat');
 *   answers.scores.get('开户体验')?.[0]; // customer 0's score, NaN when they did not answer
 */
import { cellText } from '../cellText.ts';
import { columnValues, encodeEvents } from '../encodeEvents.ts';
import { hasColumn, type ColumnTable } from '../events.ts';
import type { ScoreColumn } from './spec.ts';

export type { ScoreColumn };

/** The grouping value of customers without one, as in funnel breakdowns (spec §4.8). */
export const NO_VALUE = '(none)';

export interface SurveyAnswers {
  score: ScoreColumn;
  /** Questions that have at least one score, in order of first appearance. */
  questions: string[];
  /** Number of customers (codes 0..customers-1) with at least one score. */
  customers: number;
  /** Per question, one score per customer code; NaN when not answered. */
  scores: Map<string, Float64Array>;
  /** Lowest and highest score given on any question. */
  low: number;
  high: number;
}

/**
 * The score column to read: the requested one, else csat, satisfaction, nps,
 * whichever the table has first. Throws naming the columns when none is there.
 */
export function resolveScoreColumn(table: ColumnTable, requested: ScoreColumn | null, analysis: string): ScoreColumn {
  if (requested !== null) {
    if (hasColumn(table, requested)) return requested;
    throw new Error(
      `${analysis}: the table has no ${requested} column (map one, e.g. --map ${requested}=评分, or choose another --score)`,
    );
  }
  const found = (['csat', 'satisfaction', 'nps'] as const).find((name) => hasColumn(table, name));
  if (found) return found;
  throw new Error(
    `${analysis}: the table has no score column (map one of csat, nps or satisfaction, e.g. --map csat=评分)`,
  );
}

export function surveyAnswers(table: ColumnTable, score: ScoreColumn): SurveyAnswers {
  const { customerCodes, customerIds, eventCodes, eventNames } = encodeEvents(table);
  const values = columnValues(table, score) as ArrayLike<number | null>;
  // Customers are renumbered over scored rows only, so the arrays hold respondents.
  const respondent = new Int32Array(customerIds.length).fill(-1);
  const sums = new Map<number, Map<number, [number, number]>>();
  const questionOrder: number[] = [];
  let customers = 0;
  let low = Infinity;
  let high = -Infinity;
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const customerCode = customerCodes[row] as number;
    let customer = respondent[customerCode] as number;
    if (customer < 0) customer = respondent[customerCode] = customers++;
    const question = eventCodes[row] as number;
    let perCustomer = sums.get(question);
    if (!perCustomer) {
      perCustomer = new Map();
      sums.set(question, perCustomer);
      questionOrder.push(question);
    }
    const running = perCustomer.get(customer);
    if (running) {
      running[0] += value;
      running[1] += 1;
    } else perCustomer.set(customer, [value, 1]);
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  const scores = new Map<string, Float64Array>();
  for (const question of questionOrder) {
    const column = new Float64Array(customers).fill(NaN);
    for (const [customer, [sum, count]] of sums.get(question) ?? []) column[customer] = sum / count;
    scores.set(eventNames[question] as string, column);
  }
  return { score, questions: [...scores.keys()], customers, scores, low, high };
}

/**
 * Each respondent's value of a text column (first non-empty in row order), by
 * the respondent numbering of `surveyAnswers` on the same table and score.
 */
export function respondentGroups(table: ColumnTable, score: ScoreColumn, column: string): string[] {
  if (!hasColumn(table, column)) throw new Error(`the table has no ${column} column to break down by`);
  const { customerCodes } = encodeEvents(table);
  const values = columnValues(table, score) as ArrayLike<number | null>;
  const groupValues = columnValues(table, column);
  const respondent = new Map<number, number>();
  const groups: string[] = [];
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const code = customerCodes[row] as number;
    if (!respondent.has(code)) {
      respondent.set(code, groups.length);
      groups.push(NO_VALUE);
    }
  }
  for (let row = 0; row < groupValues.length; row++) {
    const index = respondent.get(customerCodes[row] as number);
    if (index === undefined || groups[index] !== NO_VALUE) continue;
    const text = cellText(groupValues[row]);
    if (text !== '') groups[index] = text;
  }
  return groups;
}
