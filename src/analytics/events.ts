/**
 * The event log's canonical shape (spec §1). Every loader produces, and every
 * analysis consumes, an Arquero table with these column names; `timestamp` is
 * epoch milliseconds, text columns are strings, optional columns hold `null`
 * where a row has no value. Columns of the file that were not mapped are kept
 * under their own names.
 *
 * @example
 *   const t = eventTable({ customer_id: ['a'], timestamp: [0], event: ['visit'] });
 */
import { table as arqueroTable, type ColumnTable } from 'arquero';

export const REQUIRED_COLUMNS = ['customer_id', 'timestamp', 'event'] as const;
export const TEXT_COLUMNS = ['stage', 'channel', 'segment'] as const;
export const NUMERIC_COLUMNS = ['value', 'satisfaction'] as const;
export const OPTIONAL_COLUMNS = [...TEXT_COLUMNS, ...NUMERIC_COLUMNS] as const;
export const EVENT_COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as const;
/**
 * A survey's columns, read only when mapped (`--map csat=评分,nps=推荐意愿,comment=意见`):
 * scores on 1-5 and 0-10, and free text that is counted, never published.
 */
export const SURVEY_SCORE_COLUMNS = ['csat', 'nps'] as const;
export const SURVEY_COLUMNS = [...SURVEY_SCORE_COLUMNS, 'comment'] as const;
/** Every column a mapping may name. */
export const MAPPABLE_COLUMNS = [...EVENT_COLUMNS, ...SURVEY_COLUMNS] as const;

export type RequiredColumn = (typeof REQUIRED_COLUMNS)[number];
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];
export type EventColumn = (typeof EVENT_COLUMNS)[number];
export type MappableColumn = (typeof MAPPABLE_COLUMNS)[number];

export type { ColumnTable };

/** Column literals of an event table, as tests and generators write them. */
export interface EventColumns {
  customer_id: ArrayLike<string>;
  timestamp: ArrayLike<number>;
  event: ArrayLike<string>;
  stage?: ArrayLike<string | null>;
  channel?: ArrayLike<string | null>;
  segment?: ArrayLike<string | null>;
  value?: ArrayLike<number | null>;
  satisfaction?: ArrayLike<number | null>;
  [other: string]: ArrayLike<unknown> | undefined;
}

/** Builds an event table from column literals, checking that lengths agree. */
export function eventTable(columns: EventColumns): ColumnTable {
  const rows = columns.customer_id.length;
  const present: Record<string, ArrayLike<unknown>> = {};
  for (const [name, values] of Object.entries(columns)) {
    if (values === undefined) continue;
    if (values.length !== rows) {
      throw new Error(`eventTable: column ${name} has ${values.length} values, expected ${rows}`);
    }
    present[name] = values;
  }
  return arqueroTable(present);
}

/** Whether the table carries an optional column. */
export function hasColumn(table: ColumnTable, name: string): boolean {
  return table.columnNames().includes(name);
}
