/**
 * The event table as typed arrays for the analyses' hot loops: customer ids and
 * event names dictionary-encoded to integers (codes in order of first
 * appearance), timestamps as a Float64Array. Cached per table, so running
 * several analyses on one table encodes it once; the table is never mutated.
 * A loaded table already holds these columns so (DictionaryColumn with Int32
 * codes, Float64Array): they are shared, not copied.
 *
 * @example
 *   const { customerCodes, customerIds, eventCodes, eventNames } = encodeEvents(table);
 */
import type { ColumnTable } from './events.ts';
import { cellText } from './cellText.ts';
import { DictionaryColumn } from './dictionaryColumn.ts';

export interface EncodedEvents {
  rows: number;
  customerCodes: Int32Array;
  customerIds: string[];
  eventCodes: Int32Array;
  eventNames: string[];
  timestamps: Float64Array;
}

const cache = new WeakMap<ColumnTable, EncodedEvents>();

/** Integer codes for the values of a text column, in order of first appearance. */
export function encodeColumn(values: ArrayLike<unknown>): { codes: Int32Array; dictionary: string[] } {
  const codes = new Int32Array(values.length);
  const dictionary: string[] = [];
  const lookup = new Map<unknown, number>();
  let previous: unknown = undefined;
  let previousCode = -1;
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    // Logs come grouped by customer more often than not: skip the lookup on a repeat.
    if (value === previous && previousCode >= 0) {
      codes[row] = previousCode;
      continue;
    }
    let code = lookup.get(value);
    if (code === undefined) {
      code = dictionary.length;
      lookup.set(value, code);
      dictionary.push(cellText(value));
    }
    codes[row] = code;
    previous = value;
    previousCode = code;
  }
  return { codes, dictionary };
}

/**
 * A column's values in row order, without a copy when the table is neither
 * filtered nor ordered (the usual case for a loaded log).
 */
export function columnValues(table: ColumnTable, name: string): ArrayLike<unknown> {
  if (!table.isFiltered() && !table.isOrdered()) {
    const column = table.column(name) as unknown;
    if (Array.isArray(column) || ArrayBuffer.isView(column)) return column as ArrayLike<unknown>;
  }
  return table.array(name) as ArrayLike<unknown>;
}

/**
 * The codes of a loaded text column as they are, when they are what
 * encodeColumn would produce: Int32, no absent values, first-appearance order
 * (which the loader's dictionaries keep).
 */
function encodedColumn(table: ColumnTable, name: string): { codes: Int32Array; dictionary: string[] } {
  const column = table.column(name) as unknown;
  if (
    column instanceof DictionaryColumn &&
    column.codes instanceof Int32Array &&
    !table.isFiltered() &&
    !table.isOrdered() &&
    !column.hasNull()
  ) {
    return { codes: column.codes, dictionary: column.dictionary as string[] };
  }
  return encodeColumn(columnValues(table, name));
}

export function encodeEvents(table: ColumnTable): EncodedEvents {
  const cached = cache.get(table);
  if (cached) return cached;
  const rows = table.numRows();
  const customers = encodedColumn(table, 'customer_id');
  const events = encodedColumn(table, 'event');
  const rawTimes = columnValues(table, 'timestamp') as ArrayLike<number>;
  const timestamps = rawTimes instanceof Float64Array ? rawTimes : Float64Array.from(rawTimes);
  const encoded: EncodedEvents = {
    rows,
    customerCodes: customers.codes,
    customerIds: customers.dictionary,
    eventCodes: events.codes,
    eventNames: events.dictionary,
    timestamps,
  };
  cache.set(table, encoded);
  return encoded;
}

/** The code of each name in `names` (-1 where the log never has it). */
export function codesOf(encoded: EncodedEvents, names: readonly string[]): number[] {
  return names.map((name) => encoded.eventNames.indexOf(name));
}
