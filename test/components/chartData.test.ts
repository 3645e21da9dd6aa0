import { describe, expect, it } from 'vitest';
import {
  cachedLoadCount,
  filterPeriod,
  loadEventsCached,
  loadOptionsOf,
  tableRange,
} from '../../src/components/chartData.ts';

describe('chart data loading', () => {
  it('loads a file once per options within a build, however many charts ask', async () => {
    const before = cachedLoadCount();
    const [a, b] = await Promise.all([
      loadEventsCached('data/gallery/web-events.csv', {}),
      loadEventsCached('data/gallery/web-events.csv', {}),
    ]);
    expect(a).toBe(b);
    expect(cachedLoadCount()).toBe(before + 1);
    const other = await loadEventsCached('data/gallery/web-events.csv', { tz: 'Asia/Shanghai' });
    expect(other).not.toBe(a);
    expect(cachedLoadCount()).toBe(before + 2);
  });

  it('names the file when it cannot load it', async () => {
    await expect(loadEventsCached('data/gallery/missing.csv', {})).rejects.toThrow(
      'cannot load data/gallery/missing.csv',
    );
  });

  it('keeps the rows of a half-open period', async () => {
    const { table } = await loadEventsCached('data/gallery/web-events.csv', {});
    // Counted in the CSV by hand (awk on the timestamp column): 24 events from
    // 2026-09-05T05:38:38Z to 2026-09-09T08:55:21Z; the next is 2026-09-10T06:52:30Z.
    const days = filterPeriod(table, '2026-09-05', '2026-09-10');
    expect(days.numRows()).toBe(24);
    expect(tableRange(days)).toEqual({ first: '2026-09-05T05:38:38.000Z', last: '2026-09-09T08:55:21.000Z' });
    // An event exactly at `from` is kept; one exactly at `to` is not.
    const onBounds = filterPeriod(table, '2026-09-05T05:38:38.000Z', '2026-09-10T06:52:30.000Z');
    expect(onBounds.numRows()).toBe(24);
    expect(tableRange(onBounds)).toEqual({ first: '2026-09-05T05:38:38.000Z', last: '2026-09-09T08:55:21.000Z' });
    const shifted = filterPeriod(table, '2026-09-05T05:38:38.001Z', '2026-09-10T06:52:30.001Z');
    expect(shifted.numRows()).toBe(24);
    expect(tableRange(shifted)).toEqual({ first: '2026-09-05T08:34:31.000Z', last: '2026-09-10T06:52:30.000Z' });
    expect(() => filterPeriod(table, 'soon')).toThrow('invalid from: "soon"');
  });
});

describe('loadOptionsOf', () => {
  it("passes every reading option of a report source, so a component reads the data as the report's tables do", () => {
    expect(
      loadOptionsOf({
        map: { customer_id: '客户编号' },
        tz: 'Asia/Shanghai',
        skipInvalid: true,
        dedupe: true,
        excelDates: true,
        numberFormat: '1,234.56',
        sheet: '明细',
      }),
    ).toEqual({
      map: { customer_id: '客户编号' },
      tz: 'Asia/Shanghai',
      skipInvalid: true,
      dedupe: true,
      excelDates: true,
      numberFormat: '1,234.56',
      sheet: '明细',
    });
    expect(loadOptionsOf({})).toEqual({});
  });
});
