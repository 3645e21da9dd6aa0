import { float64, tableFromArrays, tableToIPC, timestamp as arrowTimestamp, TimeUnit, utf8 } from '@uwdata/flechette';
import { parquetWriteBuffer } from 'hyparquet-writer';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/analytics/load/dataError.ts';
import type { Issue } from '../../../src/analytics/load/issues.ts';
import { parseEvents, type LoadOptions } from '../../../src/analytics/load/parseEvents.ts';

const NOW = Date.UTC(2025, 0, 1);
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

async function load(text: string | Uint8Array, file = 'events.csv', options: LoadOptions = {}) {
  return parseEvents(typeof text === 'string' ? encode(text) : text, file, { now: NOW, ...options });
}

async function issuesOf(text: string | Uint8Array, file = 'events.csv', options: LoadOptions = {}): Promise<string[]> {
  try {
    await load(text, file, options);
  } catch (error) {
    if (error instanceof DataError)
      return error.issues.map((issue: Issue) => `${issue.file}:${issue.line}:${issue.column}: ${issue.message}`);
    throw error;
  }
  throw new Error('expected a DataError');
}

describe('parseEvents: CSV', () => {
  it('reads the canonical columns typed, keeps the others, in file order', async () => {
    const csv = [
      'customer_id,timestamp,event,channel,value,note',
      'c1,2024-03-10 08:00:00,visit,web,,first',
      'c2,2024-03-10T09:30:00Z,purchase,,12.50,"a, b"',
      'c1,1710064800,purchase,app,-3e2,',
    ].join('\n');
    const { table, summary, skipped } = await load(csv);
    expect(table.columnNames()).toEqual(['customer_id', 'timestamp', 'event', 'channel', 'value', 'note']);
    expect(table.array('customer_id')).toEqual(['c1', 'c2', 'c1']);
    expect(Array.from(table.array('timestamp') as Float64Array)).toEqual([
      Date.UTC(2024, 2, 10, 8, 0),
      Date.UTC(2024, 2, 10, 9, 30),
      1_710_064_800_000,
    ]);
    expect(table.array('event')).toEqual(['visit', 'purchase', 'purchase']);
    expect(table.array('channel')).toEqual(['web', null, 'app']);
    expect(Array.from(table.array('value') as ArrayLike<number | null>)).toEqual([null, 12.5, -300]);
    expect(table.array('note')).toEqual(['first', 'a, b', null]);
    expect(skipped).toBe(0);
    expect(summary).toMatchObject({
      rows: 3,
      customers: 2,
      events: 2,
      first: '2024-03-10T08:00:00.000Z',
      last: '2024-03-10T10:00:00.000Z',
      columns: {
        found: ['customer_id', 'timestamp', 'event', 'channel', 'value', 'note'],
        mapped: {
          customer_id: 'customer_id',
          timestamp: 'timestamp',
          event: 'event',
          channel: 'channel',
          value: 'value',
        },
      },
      errors: [],
    });
  });

  it('applies --tz to local times only', async () => {
    const csv = 'customer_id,timestamp,event\nc1,2024-03-10 08:00,a\nc1,2024-03-10T08:00:00Z,b\nc1,2024-03-10,c\n';
    const { table } = await load(csv, 'e.csv', { tz: 'Asia/Shanghai' });
    expect(Array.from(table.array('timestamp') as Float64Array)).toEqual([
      Date.UTC(2024, 2, 10, 0, 0),
      Date.UTC(2024, 2, 10, 8, 0),
      Date.UTC(2024, 2, 9, 16, 0),
    ]);
  });

  it('reads TSV and pipe-delimited files', async () => {
    const tsv = await load('customer_id\ttimestamp\tevent\nc1\t2024-03-10\tvisit, then leave\n', 'e.tsv');
    expect(tsv.table.array('event')).toEqual(['visit, then leave']);
    const pipe = await load('customer_id|timestamp|event\nc1|2024-03-10|visit\n', 'e.csv');
    expect(pipe.table.array('event')).toEqual(['visit']);
  });

  it('maps columns named otherwise (--map)', async () => {
    const csv = '客户编号,时间,事件,渠道\n甲,2024-03-10 08:00,访问,微信\n';
    const { table, summary } = await load(csv, 'e.csv', {
      map: { customer_id: '客户编号', timestamp: '时间', event: '事件', channel: '渠道' },
    });
    expect(table.columnNames()).toEqual(['customer_id', 'timestamp', 'event', 'channel']);
    expect(table.array('customer_id')).toEqual(['甲']);
    expect(table.array('channel')).toEqual(['微信']);
    expect(summary.columns.mapped).toEqual({
      customer_id: '客户编号',
      timestamp: '时间',
      event: '事件',
      channel: '渠道',
    });
  });

  it('keeps a file column named like a mapped canonical column under another name', async () => {
    const csv = 'uid,customer_id,timestamp,event\nu1,legacy,2024-03-10,visit\n';
    const { table } = await load(csv, 'e.csv', { map: { customer_id: 'uid' } });
    expect(table.columnNames()).toEqual(['customer_id', 'timestamp', 'event', 'customer_id_original']);
    expect(table.array('customer_id')).toEqual(['u1']);
    expect(table.array('customer_id_original')).toEqual(['legacy']);
  });

  it("counts Excel's sep= line as line 1", async () => {
    expect(await issuesOf('sep=;\r\nuser;timestamp;event\r\n')).toEqual([
      'events.csv:2:customer_id: required column missing (columns found: user, timestamp, event) — map it with --map customer_id=user',
    ]);
    expect(await issuesOf('sep=;\r\ncustomer_id;timestamp;event\r\n')).toEqual([
      'events.csv:3:(file): no events (the file has a header but no rows) — export at least one event row',
    ]);
  });

  it('skips blank lines and rows of empty fields, keeping line numbers physical', async () => {
    const csv = 'customer_id;timestamp;event\r\n\r\nc1;2024-03-10;visit\r\n;;\r\nc2;bad;visit\r\n';
    expect(await issuesOf(csv)).toEqual([
      'events.csv:5:timestamp: not a timestamp ("bad") — use ISO 8601 with Z or an offset (2024-03-10T08:00:00+08:00), YYYY-MM-DD HH:MM[:SS] in the --tz zone, or epoch seconds (10 digits) or milliseconds (13 digits)',
    ]);
  });
});

describe('parseEvents: encodings', () => {
  const text =
    '客户编号;时间;事件;金额\r\n张三;2024/3/10 8:00;浏览商品;\r\n李四;2024/3/10 9:15:30;"下单;付款";99.5\r\n';
  const options: LoadOptions = {
    map: { customer_id: '客户编号', timestamp: '时间', event: '事件', value: '金额' },
    tz: 'Asia/Shanghai',
  };
  const expected = {
    customer_id: ['张三', '李四'],
    timestamp: [Date.UTC(2024, 2, 10, 0, 0), Date.UTC(2024, 2, 10, 1, 15, 30)],
    event: ['浏览商品', '下单;付款'],
    value: [null, 99.5],
  };
  const columnsOf = async (bytes: Uint8Array) => {
    const { table } = await load(bytes, 'export.csv', options);
    return {
      customer_id: table.array('customer_id'),
      timestamp: Array.from(table.array('timestamp') as Float64Array),
      event: table.array('event'),
      value: Array.from(table.array('value') as ArrayLike<number | null>),
    };
  };

  it('reads UTF-8 with and without a BOM', async () => {
    expect(await columnsOf(encode(text))).toEqual(expected);
    expect(await columnsOf(new Uint8Array([0xef, 0xbb, 0xbf, ...encode(text)]))).toEqual(expected);
  });

  it('reads UTF-16 LE and BE with a BOM', async () => {
    expect(await columnsOf(new Uint8Array(iconv.encode(text, 'utf-16le', { addBOM: true })))).toEqual(expected);
    const bigEndian = new Uint8Array(iconv.encode(text, 'utf-16be'));
    expect(await columnsOf(new Uint8Array([0xfe, 0xff, ...bigEndian]))).toEqual(expected);
  });

  it('reads GB18030 (Excel in a Chinese locale) when the bytes are not UTF-8', async () => {
    const bytes = new Uint8Array(iconv.encode(text, 'gb18030'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(await columnsOf(bytes)).toEqual(expected);
  });

  it('reads GB18030 when the first non-UTF-8 byte comes late', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `c${i};2024-03-10;visit;\r\n`).join('');
    const bytes = new Uint8Array(
      iconv.encode('customer_id;timestamp;event;value\r\n' + rows + 'c9;2024-03-10;访问;\r\n', 'gb18030'),
    );
    const { table } = await load(bytes, 'late.csv');
    expect(table.numRows()).toBe(3001);
    expect(table.get('event', 3000)).toBe('访问');
  });

  it('calls binary data not text', async () => {
    expect(await issuesOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]), 'x.csv')).toEqual([
      'x.csv:1:5: a NUL byte: text files never hold one (a binary or damaged file, or UTF-16 without its byte-order mark?) — export the data again as CSV (UTF-8), JSON, NDJSON, Parquet or Arrow',
    ]);
  });
});

describe('parseEvents: validation', () => {
  it('collects every error with its physical line, also after quoted line breaks', async () => {
    const csv = [
      'customer_id,timestamp,event,value,satisfaction',
      'c1,2024-03-10,"multi',
      'line',
      'event",1,5',
      ',2024-03-10,visit,,',
      'c2,10/03/2024,visit,,',
      'c3,2024-03-10,"",12 EUR,',
      'c4,2024-03-10,visit,"1,5",x',
    ].join('\n');
    expect(await issuesOf(csv)).toEqual([
      'events.csv:5:customer_id: empty customer id ("") — fill it in or drop the row (--skip-invalid)',
      'events.csv:6:timestamp: not a timestamp ("10/03/2024") — use ISO 8601 with Z or an offset (2024-03-10T08:00:00+08:00), YYYY-MM-DD HH:MM[:SS] in the --tz zone, or epoch seconds (10 digits) or milliseconds (13 digits)',
      'events.csv:7:event: empty event name ("") — fill it in or drop the row (--skip-invalid)',
      'events.csv:7:value: not a number ("12 EUR") — write a plain number (12.5), without units or currency signs, or leave it empty',
      'events.csv:8:value: not a number ("1,5") — use a point as the decimal separator (12.5, not 12,5), or pass --number-format 1.234,56',
      'events.csv:8:satisfaction: not a number ("x") — write a plain number (12.5), without units or currency signs, or leave it empty',
    ]);
  });

  it('names the line where a field starts when an earlier field spans lines', async () => {
    const csv = 'customer_id,note,timestamp,event\nc1,"two\nlines",never,visit\n';
    expect((await issuesOf(csv))[0]).toMatch(/^events\.csv:3:timestamp: not a timestamp \("never"\)/);
  });

  it('lists missing columns with the columns found and a suggested mapping', async () => {
    expect(await issuesOf('用户ID,时间,action\n1,2024-03-10,visit\n')).toEqual([
      'events.csv:1:customer_id: required column missing (columns found: 用户ID, 时间, action) — map it with --map customer_id=用户ID',
      'events.csv:1:timestamp: required column missing (columns found: 用户ID, 时间, action) — map it with --map timestamp=时间',
      'events.csv:1:event: required column missing (columns found: 用户ID, 时间, action) — map it with --map event=action',
    ]);
    expect(
      await issuesOf('who,when,what\n1,2024-03-10,visit\n', 'e.csv', {
        map: { customer_id: 'who', timestamp: 'when', event: 'wat' },
      }),
    ).toEqual([
      'e.csv:1:wat: column given in --map event=wat is not in the file (columns found: who, when, what) — map a column that exists',
    ]);
  });

  it('groups the errors of one kind: three in full, then the count and first lines', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `c${i},not-a-date,visit`).join('\n');
    try {
      await load('customer_id,timestamp,event\n' + rows);
      throw new Error('expected a DataError');
    } catch (error) {
      const dataError = error as DataError;
      expect(dataError.total).toBe(60);
      const lines = dataError.format().split('\n');
      expect(lines).toHaveLength(5);
      expect(lines[2]).toMatch(/^events\.csv:4:timestamp: not a timestamp \("not-a-date"\)/);
      expect(lines[3]).toBe('  … and the same in lines 5, 6, 7, 8, 9, … (57 rows)');
      expect(lines[4]).toBe('60 errors in total');
      expect(dataError.summary?.errors).toHaveLength(60);
    }
  });

  it('skips invalid rows with --skip-invalid and says how many', async () => {
    const csv =
      'customer_id,timestamp,event\nc1,2024-03-10,visit\n,2024-03-10,visit\nc2,nope,visit\nc3,2024-03-11,buy\n';
    const { table, skipped, summary } = await load(csv, 'e.csv', { skipInvalid: true, k: 1 });
    expect(skipped).toBe(2);
    expect(table.array('customer_id')).toEqual(['c1', 'c3']);
    expect(summary.errors).toEqual([]);
    expect(summary.warnings.map((w) => `${w.line}:${w.column}: ${w.message}`)).toEqual([
      '3:customer_id: row skipped: empty customer id ("") — fill it in or drop the row (--skip-invalid)',
      expect.stringMatching(/^4:timestamp: row skipped: not a timestamp \("nope"\)/),
      '3:(file): 2 invalid rows skipped (--skip-invalid)',
      '2:timestamp: 3 timestamps have no zone (no Z or offset) and were read as UTC — if they are local times, give their zone: --tz Asia/Shanghai (or "tz" in report.json)',
    ]);
  });

  it('groups skipped rows of one kind into one warning with the count and first lines', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => `c${i},nope${i},visit`).join('\n');
    const csv = `customer_id,timestamp,event\nc1,2024-03-10T00:00:00Z,visit\n${rows}\n,2024-03-10T00:00:00Z,visit\n`;
    const { summary } = await load(csv, 'e.csv', { skipInvalid: true, k: 1 });
    expect(summary.warnings.map((w) => `${w.line}:${w.column}: ${w.message}`)).toEqual([
      '3:timestamp: 7 rows skipped (lines 3, 4, 5, 6, 7, … (7 rows)): not a timestamp, the first ("nope0") — use ISO 8601 with Z or an offset (2024-03-10T08:00:00+08:00), YYYY-MM-DD HH:MM[:SS] in the --tz zone, or epoch seconds (10 digits) or milliseconds (13 digits)',
      '10:customer_id: row skipped: empty customer id ("") — fill it in or drop the row (--skip-invalid)',
      '3:(file): 8 invalid rows skipped (--skip-invalid)',
    ]);
  });

  it('fails when no row is left', async () => {
    expect(await issuesOf('customer_id,timestamp,event\n,2024-03-10,visit\n', 'e.csv', { skipInvalid: true })).toEqual([
      'e.csv:2:(file): no valid events (all 1 rows are invalid) — export at least one event row',
    ]);
    expect(await issuesOf('customer_id,timestamp,event\r\n', 'e.csv')).toEqual([
      'e.csv:2:(file): no events (the file has a header but no rows) — export at least one event row',
    ]);
  });
});

describe('parseEvents: warnings', () => {
  const csv = [
    'customer_id,timestamp,event,segment',
    'c1,2024-03-10 08:00,visit,a',
    'c1,2024-03-10 08:00,visit,a',
    'c2,2024-03-10T08:00:00Z,visit,a',
    'c3,2030-01-01,visit,b',
    'c1,2024-03-10 08:00,visit,a',
  ].join('\n');

  it('finds a small channel that first appears after the others reached k', async () => {
    const rows = ['customer_id,timestamp,event,channel'];
    // web and app reach k=2 customers by line 5; store (one customer) first appears on line 8.
    for (const [id, channel] of [
      ['c1', 'web'],
      ['c2', 'web'],
      ['c1', 'app'],
      ['c2', 'app'],
      ['c3', 'web'],
      ['c3', 'app'],
      ['c4', 'store'],
      ['c4', 'store'],
    ])
      rows.push(`${id},2024-03-10 08:00,visit,${channel}`);
    const { summary } = await load(rows.join('\n'), 'k.csv', { k: 2 });
    expect(summary.warnings.filter((warning) => warning.column === 'channel')).toEqual([
      {
        file: 'k.csv',
        line: 8,
        column: 'channel',
        message:
          'channel "store" is used by 1 customer, fewer than k=2 — reports suppress its figures; merge it into a larger channel',
      },
    ]);
    // Rows c4 store repeat each other: with --dedupe the summary counts what is kept.
    const deduped = await load(rows.join('\n'), 'k.csv', { k: 2, dedupe: true });
    expect([deduped.summary.rows, deduped.summary.customers, deduped.summary.events]).toEqual([7, 4, 1]);
    expect([summary.rows, summary.customers, summary.events]).toEqual([8, 4, 1]);
  });

  it('warns about exact duplicates, future timestamps and small segments', async () => {
    const { summary, table } = await load(csv, 'w.csv', { k: 2 });
    expect(table.numRows()).toBe(5);
    expect(summary.warnings).toEqual([
      {
        file: 'w.csv',
        line: 3,
        column: '(row)',
        message: '2 exact duplicate rows (lines 3, 6) — kept; pass --dedupe to drop them',
      },
      {
        file: 'w.csv',
        line: 5,
        column: 'timestamp',
        message: 'timestamp in the future (2030-01-01T00:00:00.000Z) — check the clock or the --tz zone of the export',
      },
      {
        file: 'w.csv',
        line: 5,
        column: 'segment',
        message:
          'segment "b" is used by 1 customer, fewer than k=2 — reports suppress its figures; merge it into a larger segment',
      },
      {
        file: 'w.csv',
        line: 2,
        column: 'timestamp',
        message:
          '4 timestamps have no zone (no Z or offset) and were read as UTC — if they are local times, give their zone: --tz Asia/Shanghai (or "tz" in report.json)',
      },
    ]);
  });

  it('gives one warning per kind: the count and the first lines', async () => {
    const rows = Array.from({ length: 60 }, () => 'c1,2031-01-01,visit').join('\n');
    const { summary } = await load('customer_id,timestamp,event\nc1,2031-01-01,visit\n' + rows, 'w.csv');
    expect(summary.warnings.map((w) => `${w.line}:${w.column}: ${w.message}`)).toEqual([
      '3:(row): 60 exact duplicate rows (lines 3, 4, 5, 6, 7, … (60 rows)) — kept; pass --dedupe to drop them',
      '2:timestamp: 61 timestamps in the future (lines 2, 3, 4, 5, 6, … (61 rows); the latest 2031-01-01T00:00:00.000Z) — check the clock or the --tz zone of the export',
      '2:timestamp: 61 timestamps have no zone (no Z or offset) and were read as UTC — if they are local times, give their zone: --tz Asia/Shanghai (or "tz" in report.json)',
    ]);
  });

  it('drops duplicates with --dedupe, keeping the first', async () => {
    const { table, summary } = await load(csv, 'w.csv', { k: 2, dedupe: true });
    expect(table.array('customer_id')).toEqual(['c1', 'c2', 'c3']);
    expect(Array.from(table.array('timestamp') as Float64Array)).toEqual([
      Date.UTC(2024, 2, 10, 8, 0),
      Date.UTC(2024, 2, 10, 8, 0),
      Date.UTC(2030, 0, 1),
    ]);
    expect(summary.rows).toBe(3);
    expect(summary.customers).toBe(3);
    expect(summary.warnings[0]!.message).toBe('2 exact duplicate rows (lines 3, 6) — dropped (--dedupe)');
  });
});

describe('parseEvents: JSON, NDJSON, Parquet, Arrow', () => {
  const expectedTimestamps = [Date.UTC(2024, 2, 10, 0, 0), Date.UTC(2024, 2, 10, 1, 0)];

  it('reads a JSON array of objects, with the union of keys', async () => {
    const json = JSON.stringify([
      { customer_id: 'c1', timestamp: '2024-03-10 08:00', event: 'visit' },
      { customer_id: 'c2', timestamp: 1710032400, event: 'buy', value: 12.5, extra: { a: 1 } },
    ]);
    const { table } = await load(json, 'e.json', { tz: 'Asia/Shanghai' });
    expect(table.columnNames()).toEqual(['customer_id', 'timestamp', 'event', 'value', 'extra']);
    expect(Array.from(table.array('timestamp') as Float64Array)).toEqual(expectedTimestamps);
    expect(Array.from(table.array('value') as ArrayLike<number | null>)).toEqual([null, 12.5]);
    expect(table.array('extra')).toEqual([null, { a: 1 }]);
  });

  it('gives JSON errors the line where the record begins', async () => {
    const json =
      '[\n  {"customer_id": "c1", "timestamp": "2024-03-10", "event": "visit"},\n  {"customer_id": "",\n   "timestamp": "x", "event": "visit"},\n  42\n]';
    expect(await issuesOf(json, 'e.json')).toEqual([
      'e.json:3:customer_id: empty customer id ("") — fill it in or drop the row (--skip-invalid)',
      expect.stringMatching(/^e\.json:3:timestamp: not a timestamp \("x"\)/),
      'e.json:5:(record): record is not an object ("42") — each event must be an object like {"customer_id": "c1", "timestamp": "2024-03-10 08:00", "event": "visit"}',
    ]);
  });

  it('reads NDJSON, giving each record its own line', async () => {
    const ndjson =
      '{"customer_id":"c1","timestamp":"2024-03-10T00:00:00Z","event":"visit"}\r\n\r\n{"customer_id":"c2","timestamp":"2024-03-10T01:00:00Z","event":"buy"}\r\n';
    const { table } = await load(ndjson, 'e.ndjson');
    expect(Array.from(table.array('timestamp') as Float64Array)).toEqual(expectedTimestamps);
    expect(await issuesOf('{"customer_id":"c1","timestamp":"2024-03-10","event":"a"}\n{oops}\n', 'e.jsonl')).toEqual([
      expect.stringMatching(/^e\.jsonl:2:\(record\): not valid JSON \(.*\) — write one JSON object per line$/),
    ]);
  });

  it('reads Parquet, with typed timestamps and record numbers in messages', async () => {
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'customer_id', data: ['c1', 'c2'], type: 'STRING' },
        { name: 'timestamp', data: expectedTimestamps.map((ms) => new Date(ms)), type: 'TIMESTAMP' },
        { name: 'event', data: ['visit', 'buy'], type: 'STRING' },
        { name: 'value', data: [null, 12.5], type: 'DOUBLE' },
      ],
    });
    const { table } = await load(new Uint8Array(buffer), 'e.parquet');
    expect(table.array('customer_id')).toEqual(['c1', 'c2']);
    expect(Array.from(table.array('timestamp') as Float64Array)).toEqual(expectedTimestamps);
    expect(Array.from(table.array('value') as ArrayLike<number | null>)).toEqual([null, 12.5]);
    const bad = parquetWriteBuffer({
      columnData: [
        { name: 'customer_id', data: ['c1', ''], type: 'STRING' },
        { name: 'timestamp', data: ['2024-03-10', '2024-03-10'], type: 'STRING' },
        { name: 'event', data: ['visit', 'buy'], type: 'STRING' },
      ],
    });
    expect(await issuesOf(new Uint8Array(bad), 'e.parquet')).toEqual([
      'e.parquet:2:customer_id: empty customer id ("") — fill it in or drop the row (--skip-invalid)',
    ]);
  });

  it('reads Arrow IPC, with typed timestamps', async () => {
    const arrow = tableFromArrays(
      { customer_id: ['c1', 'c2'], timestamp: expectedTimestamps, event: ['visit', 'buy'], value: [null, 12.5] },
      {
        types: {
          customer_id: utf8(),
          timestamp: arrowTimestamp(TimeUnit.MILLISECOND),
          event: utf8(),
          value: float64(),
        },
      },
    );
    const { table } = await load(tableToIPC(arrow, { format: 'file' })!, 'e.arrow');
    expect(table.array('customer_id')).toEqual(['c1', 'c2']);
    expect(Array.from(table.array('timestamp') as Float64Array)).toEqual(expectedTimestamps);
    expect(Array.from(table.array('value') as ArrayLike<number | null>)).toEqual([null, 12.5]);
  });

  it('refuses other extensions', async () => {
    expect(await issuesOf('a,b', 'data.xls')).toEqual([
      'data.xls:1:(file): unsupported file type ".xls" — save the workbook as .xlsx (Excel Workbook) or the sheet as "CSV UTF-8 (Comma delimited)"',
    ]);
  });
});
