/**
 * The event-table builder on its own, fed rows by hand as a reader would:
 * header cleaning, mapping, typed and text cells, each row error with its
 * line and column, --skip-invalid, duplicates, small groups and the summary.
 */
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/analytics/load/dataError.ts';
import { cleanHeader, EventTableBuilder } from '../../../src/analytics/load/eventTableBuilder.ts';
import { resolveLoadOptions, type LoadOptions } from '../../../src/analytics/load/loadOptions.ts';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const columns = (...names: string[]) => names.map((name) => ({ name }));

function builder(names: string[], options: LoadOptions = {}, source: 'text' | 'typed' = 'text') {
  return new EventTableBuilder(
    't.csv',
    columns(...names),
    resolveLoadOptions({ now: NOW, tz: 'UTC', ...options }),
    source,
  );
}

/** Adds rows from line 2 on, as a CSV reader would number them after the header. */
function addRows(target: EventTableBuilder, rows: unknown[][]) {
  rows.forEach((row, index) => target.addRow(row, row.length, index + 2));
}

function failure(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

describe('cleanHeader', () => {
  it('trims names, drops a BOM, names empty columns and numbers repeats', () => {
    expect(cleanHeader(['\uFEFFcustomer_id', ' event ', '', 'event', 'event_2', 'event'])).toEqual([
      'customer_id',
      'event',
      'column_3',
      'event_2',
      'event_2_2',
      'event_3',
    ]);
  });
});

describe('EventTableBuilder', () => {
  it('builds the canonical table from mapped text cells, with optional and extra columns', () => {
    const b = builder(['客户', 'time', 'event', 'value', 'segment', 'note'], {
      map: { customer_id: '客户', timestamp: 'time' },
    });
    addRows(b, [
      ['c1', '2025-03-10 08:00', 'visit', '12.5', 'vip', 'x'],
      ['c2', '2025-03-10T09:30:00Z', 'buy', '', '', ''],
      ['c1', '1741600800', 'buy', '3', 'vip', 'y'],
    ]);
    const { table, summary, skipped } = b.finish();
    expect(skipped).toBe(0);
    expect(table.columnNames()).toEqual(['customer_id', 'timestamp', 'event', 'segment', 'value', 'note']);
    expect(table.array('customer_id')).toEqual(['c1', 'c2', 'c1']);
    // 2025-03-10 08:00 UTC = 1741593600000 ms; epoch seconds 1741600800 = 10:00 UTC.
    expect(Array.from(table.array('timestamp') as Float64Array)).toEqual([1741593600000, 1741599000000, 1741600800000]);
    expect(table.array('event')).toEqual(['visit', 'buy', 'buy']);
    expect(table.array('segment')).toEqual(['vip', null, 'vip']);
    // An empty number is absent: null in the table, not NaN.
    expect(Array.from(table.array('value') as ArrayLike<number | null>)).toEqual([12.5, null, 3]);
    expect(table.array('note')).toEqual(['x', null, 'y']);
    expect(summary).toEqual({
      rows: 3,
      customers: 2,
      events: 2,
      first: '2025-03-10T08:00:00.000Z',
      last: '2025-03-10T10:00:00.000Z',
      columns: {
        found: ['客户', 'time', 'event', 'value', 'segment', 'note'],
        mapped: { customer_id: '客户', timestamp: 'time', event: 'event', value: 'value', segment: 'segment' },
      },
      errors: [],
      // vip is used by 1 customer (c1), under k = 5.
      warnings: [
        {
          file: 't.csv',
          line: 2,
          column: 'segment',
          message:
            'segment "vip" is used by 1 customer, fewer than k=5 — reports suppress its figures; merge it into a larger segment',
        },
      ],
    });
  });

  it('reads typed cells: numbers as epoch ms for instants, Dates, and keeps extra values as they are', () => {
    const b = new EventTableBuilder(
      't.parquet',
      [{ name: 'customer_id' }, { name: 'timestamp', isInstant: true }, { name: 'event' }, { name: 'flag' }],
      resolveLoadOptions({ now: NOW }),
      'typed',
    );
    b.addRow(['c1', 1_000, 'visit', true], 4, 1);
    b.addRow(['c2', new Date(2_000), 'visit', 7], 4, 2);
    const { table } = b.finish();
    expect(Array.from(table.array('timestamp') as Float64Array)).toEqual([1_000, 2_000]);
    expect(table.array('flag')).toEqual([true, 7]);
  });

  it('names the line, column, value and remedy of every bad cell, and builds no table', () => {
    const b = builder(['customer_id', 'timestamp', 'event', 'value']);
    addRows(b, [
      ['', '2025-03-10', 'visit', '1'],
      ['c1', 'yesterday', ' ', '€5'],
      ['c1', '2025-03-10'],
    ]);
    const error = failure(() => b.finish());
    expect(error.total).toBe(5);
    expect(error.issues.map((i) => `${i.line}:${i.column}: ${i.message.split(' — ')[0]}`)).toEqual([
      '2:customer_id: empty customer id ("")',
      '3:event: empty event name (" ")',
      '3:timestamp: not a timestamp ("yesterday")',
      '3:value: not a number ("€5")',
      '4:(row): 2 fields where the header has 4, missing fields ("c1 | 2025-03-10")',
    ]);
    // What could be read is still summarised, for `journey check --json`.
    expect(error.summary?.rows).toBe(0);
  });

  it('with skipInvalid drops bad rows and reports them as warnings', () => {
    const b = builder(['customer_id', 'timestamp', 'event'], { skipInvalid: true });
    addRows(b, [
      ['c1', '2025-03-10', 'visit'],
      ['c2', 'soon', 'visit'],
    ]);
    const { table, summary, skipped } = b.finish();
    expect(skipped).toBe(1);
    expect(table.array('customer_id')).toEqual(['c1']);
    expect(summary.warnings.map((w) => `${w.line}:${w.column}: ${w.message.split(' — ')[0]}`)).toEqual([
      '3:timestamp: row skipped: not a timestamp ("soon")',
      '3:(file): 1 invalid row skipped (--skip-invalid)',
    ]);
  });

  it('warns of exact duplicates and of future timestamps, and drops duplicates with dedupe', () => {
    const rows = [
      ['c1', '2025-03-10', 'visit'],
      ['c1', '2025-03-10', 'visit'],
      ['c2', '2027-01-01', 'visit'],
    ];
    const kept = builder(['customer_id', 'timestamp', 'event']);
    addRows(kept, rows);
    const keptResult = kept.finish();
    expect(keptResult.table.numRows()).toBe(3);
    expect(keptResult.summary.warnings.map((w) => `${w.line}:${w.column}: ${w.message}`)).toEqual([
      '3:(row): exact duplicate of line 2 — kept; pass --dedupe to drop it',
      '4:timestamp: timestamp in the future (2027-01-01T00:00:00.000Z) — check the clock or the --tz zone of the export',
    ]);
    const deduped = builder(['customer_id', 'timestamp', 'event'], { dedupe: true });
    addRows(deduped, rows);
    const dedupedResult = deduped.finish();
    expect(dedupedResult.table.array('customer_id')).toEqual(['c1', 'c2']);
    expect(dedupedResult.summary.rows).toBe(2);
    expect(dedupedResult.summary.warnings[0]?.message).toBe('exact duplicate of line 2 — dropped (--dedupe)');
  });

  it('keeps a file column named like a mapped canonical column under another name', () => {
    const b = builder(['user', 'timestamp', 'event', 'customer_id'], { map: { customer_id: 'user' } });
    addRows(b, [['u1', '2025-03-10', 'visit', 'old-id']]);
    const { table } = b.finish();
    expect(table.columnNames()).toEqual(['customer_id', 'timestamp', 'event', 'customer_id_original']);
    expect(table.array('customer_id_original')).toEqual(['old-id']);
  });

  it('makes a missing required column fatal, ignoring rows, and an empty file an error', () => {
    const missing = builder(['user', 'timestamp', 'event']);
    expect(missing.hasFatalError).toBe(true);
    addRows(missing, [['u1', '2025-03-10', 'visit']]);
    expect(failure(() => missing.finish()).issues).toEqual([
      {
        file: 't.csv',
        line: 1,
        column: 'customer_id',
        message: 'required column missing (columns found: user, timestamp, event) — map it with --map customer_id=user',
      },
    ]);
    const empty = builder(['customer_id', 'timestamp', 'event']);
    expect(failure(() => empty.finish()).issues).toEqual([
      {
        file: 't.csv',
        line: 2,
        column: '(file)',
        message: 'no events (the file has a header but no rows) — export at least one event row',
      },
    ]);
  });
});
