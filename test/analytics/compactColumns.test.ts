/**
 * The compact columns of a loaded event table: dictionary codes and a
 * Float64Array with NaN for absent numbers, read through `at()` as Arquero
 * reads them, and shared with the analyses' encoding without a copy.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DictionaryColumn } from '../../src/analytics/dictionaryColumn.ts';
import { encodeColumn, encodeEvents } from '../../src/analytics/encodeEvents.ts';
import { NullableNumberColumn } from '../../src/analytics/nullableNumberColumn.ts';
import { parseEvents } from '../../src/analytics/load/parseEvents.ts';
import type { ColumnTable } from '../../src/analytics/events.ts';

const CSV = [
  'customer_id,timestamp,event,channel,value',
  'b,2024-01-01 00:00:00,visit,web,',
  'a,2024-01-01 00:01:00,visit,,12.5',
  'b,2024-01-01 00:02:00,buy,app,3',
  'a,2024-01-01 00:03:00,visit,web,',
].join('\n');

describe('DictionaryColumn', () => {
  it('narrows codes to bytes, absent values to the top code', () => {
    const column = DictionaryColumn.narrowed(Int32Array.of(0, -1, 1, 0), ['web', 'app']);
    expect(column.codes).toEqual(Uint8Array.of(0, 255, 1, 0));
    expect([column.at(0), column.at(1), column.at(2), column.at(4)]).toEqual(['web', null, 'app', undefined]);
    expect([...column]).toEqual(['web', null, 'app', 'web']);
    expect(column.hasNull()).toBe(true);
  });

  it('keeps 16-bit codes up to 65,534 values and Int32 beyond', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);
    expect(DictionaryColumn.narrowed(Int32Array.of(300), many(301)).codes).toBeInstanceOf(Uint16Array);
    const wide = DictionaryColumn.narrowed(Int32Array.of(70_000, -1), many(70_001));
    expect(wide.codes).toBeInstanceOf(Int32Array);
    expect([wide.at(0), wide.at(1)]).toEqual(['v70000', null]);
  });
});

describe('NullableNumberColumn', () => {
  it('reads NaN as null', () => {
    const column = new NullableNumberColumn(Float64Array.of(1.5, NaN, -0));
    expect([...column]).toEqual([1.5, null, -0]);
    expect(column.at(3)).toBeUndefined();
  });
});

describe('a loaded table', () => {
  let table: ColumnTable;
  beforeAll(async () => {
    ({ table } = await parseEvents(new TextEncoder().encode(CSV), 't.csv', { tz: 'UTC' }));
  });

  it('holds text as dictionary codes and reads as plain values', () => {
    expect(table.column('customer_id')).toBeInstanceOf(DictionaryColumn);
    expect(table.column('channel')).toBeInstanceOf(DictionaryColumn);
    expect(table.column('value')).toBeInstanceOf(NullableNumberColumn);
    const rows = table.objects() as Record<string, unknown>[];
    expect(rows.map((row) => [row.customer_id, row.event, row.channel, row.value])).toEqual([
      ['b', 'visit', 'web', null],
      ['a', 'visit', null, 12.5],
      ['b', 'buy', 'app', 3],
      ['a', 'visit', 'web', null],
    ]);
  });

  it('gives encodeEvents its own codes, equal to encoding the values afresh', () => {
    const encoded = encodeEvents(table);
    const customers = table.column('customer_id') as DictionaryColumn;
    expect(encoded.customerCodes).toBe(customers.codes);
    expect({ codes: encoded.customerCodes, dictionary: encoded.customerIds }).toEqual(
      encodeColumn(table.array('customer_id')),
    );
    expect({ codes: encoded.eventCodes, dictionary: encoded.eventNames }).toEqual(
      encodeColumn(['visit', 'visit', 'buy', 'visit']),
    );
  });

  it('encodes a filtered table from its values, not the stored codes', () => {
    const encoded = encodeEvents(table.filter((row: { customer_id: string }) => row.customer_id === 'a'));
    expect([...encoded.customerCodes]).toEqual([0, 0]);
    expect(encoded.customerIds).toEqual(['a']);
  });
});
