/**
 * Exports as clients send them (issue 12): GB18030 with CRLF and Chinese
 * headers, Excel's date and number habits, workbooks and every Parquet codec.
 * Each value is checked against a hand-computed instant or number; each
 * refusal against its exact message and position.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { utils, write } from '@e965/xlsx';
import iconv from 'iconv-lite';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError } from '../../../src/analytics/load/dataError.ts';
import { formatIssue } from '../../../src/analytics/load/issues.ts';
import { resolveLoadOptions } from '../../../src/analytics/load/loadOptions.ts';
import { parseEvents, type LoadOptions } from '../../../src/analytics/load/parseEvents.ts';
import { parseDataArgs } from '../../../src/cli/options.ts';

const NOW = Date.UTC(2027, 0, 1);
const TIMESTAMP_HINT =
  'use ISO 8601 with Z or an offset (2024-03-10T08:00:00+08:00), YYYY-MM-DD HH:MM[:SS] in the --tz zone, or epoch seconds (10 digits) or milliseconds (13 digits)';
const MAP = { customer_id: '客户编号', timestamp: '时间', event: '事件', value: '金额', channel: '渠道' };

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function load(bytes: Uint8Array | string, file = 'e.csv', options: LoadOptions = {}) {
  return parseEvents(typeof bytes === 'string' ? encode(bytes) : bytes, file, { now: NOW, k: 1, ...options });
}

async function issuesOf(bytes: Uint8Array | string, file = 'e.csv', options: LoadOptions = {}): Promise<string[]> {
  try {
    await load(bytes, file, options);
  } catch (error) {
    if (error instanceof DataError) return error.issues.map(formatIssue);
    throw error;
  }
  throw new Error('expected a DataError');
}

describe('a GB18030 export from Excel in a Chinese locale', () => {
  // CRLF, Chinese headers, a padded id, blank cells, display-formatted amounts, a 合计 row and trailing empty rows.
  const text = [
    '客户编号,时间,事件,金额,渠道',
    ' C001 ,2026年3月5日 9:07,浏览,,App',
    'C002,2026/3/5 下午 3:07:05,购买,"¥1,280.00",网点',
    'C003,2026-03-05 3:07 PM,购买,"1,280.50",',
    'C001,2026年3月6日,咨询,,App',
    '合计,,,"2,560.50",',
    ',,,,',
    ',,,,',
    '',
  ].join('\r\n');
  const bytes = new Uint8Array(iconv.encode(text, 'gb18030'));
  const options: LoadOptions = { map: MAP, tz: 'Asia/Shanghai', numberFormat: '1,234.56' };

  const TOTALS =
    'looks like an Excel totals row ("合计" with an empty 时间), not a customer — delete the row from the export, or skip it with --skip-invalid';

  it('refuses the 合计 row as a totals row, naming its line and id column', async () => {
    expect(await issuesOf(bytes, 'e.csv', options)).toEqual([`e.csv:6:客户编号: ${TOTALS}`]);
  });

  it('reads every value exactly with --skip-invalid', async () => {
    const { table, summary, skipped } = await load(bytes, 'e.csv', { ...options, skipInvalid: true });
    expect(skipped).toBe(1);
    expect(table.array('customer_id')).toEqual(['C001', 'C002', 'C003', 'C001']);
    expect(Array.from(table.array('timestamp') as Float64Array)).toEqual([
      Date.UTC(2026, 2, 5, 1, 7),
      Date.UTC(2026, 2, 5, 7, 7, 5),
      Date.UTC(2026, 2, 5, 7, 7),
      Date.UTC(2026, 2, 5, 16, 0),
    ]);
    expect(table.array('event')).toEqual(['浏览', '购买', '购买', '咨询']);
    expect(Array.from(table.array('value') as ArrayLike<number | null>)).toEqual([null, 1280, 1280.5, null]);
    expect(table.array('channel')).toEqual(['App', '网点', null, 'App']);
    expect(summary.warnings.map(formatIssue)).toEqual([
      `e.csv:6:客户编号: row skipped: ${TOTALS}`,
      'e.csv:6:(file): 1 invalid row skipped (--skip-invalid)',
      'e.csv:2:客户编号: 1 customer id had spaces around it and was trimmed — nothing to do unless ids differ only by spaces',
    ]);
  });
});

describe('a GB18030 survey export from Excel', () => {
  // No timestamp column; CRLF, Chinese headers, a blank score, a 总计 row, trailing empty rows.
  const text = [
    '客户编号,问题,评分,推荐意愿,意见',
    'C001,支付,5,10,很好',
    'C002,支付,4,,',
    'C003,投保,2,6,太慢',
    '总计：,,11,16,',
    ',,,,',
    '',
  ].join('\r\n');
  const bytes = new Uint8Array(iconv.encode(text, 'gb18030'));
  const options: LoadOptions = {
    map: { customer_id: '客户编号', event: '问题', csat: '评分', nps: '推荐意愿', comment: '意见' },
    timestampOptional: true,
  };
  const TOTALS =
    'looks like an Excel totals row ("总计"), not a customer — delete the row from the export, or skip it with --skip-invalid';

  it('refuses the 总计 row, naming its line and id column', async () => {
    expect(await issuesOf(bytes, 's.csv', options)).toEqual([`s.csv:5:客户编号: ${TOTALS}`]);
  });

  it('reads every answer exactly with --skip-invalid, the blank score as missing', async () => {
    const { table, skipped, summary } = await load(bytes, 's.csv', { ...options, skipInvalid: true });
    expect(skipped).toBe(1);
    expect(table.array('customer_id')).toEqual(['C001', 'C002', 'C003']);
    expect(table.array('event')).toEqual(['支付', '支付', '投保']);
    expect(Array.from(table.array('csat') as ArrayLike<number>)).toEqual([5, 4, 2]);
    expect(Array.from(table.array('nps') as ArrayLike<number | null>)).toEqual([10, null, 6]);
    expect(summary.warnings.map(formatIssue)).toEqual([
      `s.csv:5:客户编号: row skipped: ${TOTALS}`,
      's.csv:5:(file): 1 invalid row skipped (--skip-invalid)',
    ]);
  });
});

describe('spreadsheet timestamps', () => {
  it('reads 12-hour clocks in both languages, 12 AM and 12 PM included', async () => {
    const csv = [
      'customer_id,timestamp,event',
      'c1,2026-03-05 12:00 AM,a',
      'c1,2026-03-05 12:30 pm,b',
      'c1,2026年3月5日 上午 11:59:59,c',
      'c1,2026/3/5 下午12:01,d',
    ].join('\n');
    const { table } = await load(csv, 'e.csv', { tz: 'UTC' });
    expect(Array.from(table.array('timestamp') as Float64Array)).toEqual([
      Date.UTC(2026, 2, 5, 0, 0),
      Date.UTC(2026, 2, 5, 12, 30),
      Date.UTC(2026, 2, 5, 11, 59, 59),
      Date.UTC(2026, 2, 5, 12, 1),
    ]);
  });

  it('refuses impossible dates and hours instead of rolling them over', async () => {
    const csv = 'customer_id,timestamp,event\nc1,2026年2月30日,a\nc2,2026-03-05 13:00 PM,b\nc3,20260230,c\n';
    expect(await issuesOf(csv, 'e.csv', { tz: 'UTC' })).toEqual([
      `e.csv:2:timestamp: not a timestamp ("2026年2月30日") — ${TIMESTAMP_HINT}`,
      `e.csv:3:timestamp: not a timestamp ("2026-03-05 13:00 PM") — ${TIMESTAMP_HINT}`,
      `e.csv:4:timestamp: not a timestamp ("20260230") — ${TIMESTAMP_HINT}`,
    ]);
  });

  it('reads compact stamps when the whole column has that form', async () => {
    const { table } = await load('customer_id,timestamp,event\nc1,20260305,a\nc2,20260305090700,b\n', 'e.csv', {
      tz: 'Asia/Shanghai',
    });
    expect(Array.from(table.array('timestamp') as Float64Array)).toEqual([
      Date.UTC(2026, 2, 4, 16, 0),
      Date.UTC(2026, 2, 5, 1, 7),
    ]);
  });

  it('refuses compact stamps mixed with other forms', async () => {
    const csv = 'customer_id,timestamp,event\nc1,20260305,a\nc2,2026-03-05 09:07,b\nc3,20260306,c\n';
    expect(await issuesOf(csv, 'e.csv', { tz: 'UTC' })).toEqual([
      'e.csv:2:timestamp: 2 compact stamps such as "20260305" (lines 2, 4) among 1 timestamp of other forms (first at line 3) — compact YYYYMMDD[HHMMSS] stamps are read only when every value of the column has that form; export the column in one form',
    ]);
  });

  it('reads Excel serials only with --excel-dates, in the data zone', async () => {
    const csv = 'customer_id,timestamp,event\nc1,46086.38,a\nc2,46086,b\n';
    expect(await issuesOf(csv, 'e.csv', { tz: 'Asia/Shanghai' })).toEqual([
      `e.csv:2:timestamp: not a timestamp ("46086.38") — an Excel date serial? pass --excel-dates to read serials (days since 1899-12-30) in the data's zone; otherwise ${TIMESTAMP_HINT}`,
      `e.csv:3:timestamp: not a timestamp ("46086") — an Excel date serial? pass --excel-dates to read serials (days since 1899-12-30) in the data's zone; otherwise ${TIMESTAMP_HINT}`,
    ]);
    const { table } = await load(csv, 'e.csv', { tz: 'Asia/Shanghai', excelDates: true });
    // 46086 = 2026-03-05 (20517 days after 1970-01-01); .38 of a day = 9:07:12.
    expect(Array.from(table.array('timestamp') as Float64Array)).toEqual([
      Date.UTC(2026, 2, 5, 1, 7, 12),
      Date.UTC(2026, 2, 4, 16, 0),
    ]);
  });

  it('warns once that timestamps without a zone were read as UTC', async () => {
    const { summary } = await load('customer_id,timestamp,event\nc1,2026-03-05 09:00,a\nc2,2026-03-05,b\n');
    expect(summary.warnings.map(formatIssue)).toEqual([
      'e.csv:2:timestamp: 2 timestamps have no zone (no Z or offset) and were read as UTC — if they are local times, give their zone: --tz Asia/Shanghai (or "tz" in report.json)',
    ]);
    const withOffsets = await load('customer_id,timestamp,event\nc1,2026-03-05T09:00:00+08:00,a\n');
    expect(withOffsets.summary.warnings).toEqual([]);
  });
});

describe('numbers and ids as Excel leaves them', () => {
  it('reads display-formatted numbers only in the format named', async () => {
    const csv =
      'customer_id,timestamp,event,value\nc1,2026-03-05T00:00:00Z,buy,"1.280,50 €"\nc2,2026-03-05T00:00:00Z,buy,-1.280\n';
    const { table } = await load(csv, 'e.csv', { numberFormat: '1.234,56' });
    expect(Array.from(table.array('value') as Float64Array)).toEqual([1280.5, -1280]);
    expect(await issuesOf(csv)).toEqual([
      'e.csv:2:value: not a number ("1.280,50 €") — a spreadsheet display form: pass --number-format 1,234.56 (or 1.234,56 for decimal commas) to read it, or export plain numbers',
    ]);
    expect(
      await issuesOf('customer_id,timestamp,event,value\nc1,2026-03-05T00:00:00Z,buy,"1,28"\n', 'e.csv', {
        numberFormat: '1,234.56',
      }),
    ).toEqual([
      'e.csv:2:value: not a number ("1,28") — write a number in the 1,234.56 format given by --number-format, or a plain number (1234.5)',
    ]);
  });

  it('refuses numbers beyond the range of doubles', async () => {
    expect(await issuesOf('customer_id,timestamp,event,value\nc1,2026-03-05T00:00:00Z,buy,1e309\n')).toEqual([
      'e.csv:2:value: number out of range ("1e309") — numbers reach about ±1.8e308; write the value as it really is',
    ]);
  });

  it('refuses ids that Excel turned into scientific notation, naming the column', async () => {
    const csv = [
      '手机号,timestamp,event',
      '1.38001E+10,2026-03-05T00:00:00Z,visit',
      '1.38001E+10,2026-03-05T01:00:00Z,visit',
      'c3,2026-03-05T02:00:00Z,visit',
    ].join('\n');
    expect(await issuesOf(csv, 'e.csv', { map: { customer_id: '手机号' } })).toEqual([
      'e.csv:2:手机号: customer ids in scientific notation such as "1.38001E+10" (lines 2, 3) — Excel has rounded these ids, so different customers became one; in Excel select the 手机号 column, set Format Cells > Text (or import it with Data > From Text/CSV as Text) and export again, or export from the source system',
    ]);
  });

  it('keeps the digits of JSON integer ids beyond 2^53', async () => {
    const json = '[{"customer_id": 12345678901234567890, "timestamp": "2026-03-05T00:00:00Z", "event": "visit"}]';
    const { table } = await load(json, 'e.json');
    expect(table.array('customer_id')).toEqual(['12345678901234567890']);
  });
});

describe('workbooks', () => {
  function workbook(): Uint8Array {
    const book = utils.book_new();
    utils.book_append_sheet(book, utils.aoa_to_sheet([['说明'], ['导出自核心系统']]), '说明');
    const detail = utils.aoa_to_sheet([
      ['客户编号', '时间', '事件', '金额'],
      ['C001', 46086.38, '浏览', 1280.5],
      ['C002', '2026年3月5日 10:00', '购买', '¥1,280.00'],
      [],
      ['C003', 'x', '购买', 3],
    ]);
    (detail.B2 as { z?: string }).z = 'yyyy-mm-dd hh:mm:ss';
    utils.book_append_sheet(book, detail, '明细');
    return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  }
  const { channel: _channel, ...sheetMap } = MAP;
  const options: LoadOptions = { map: sheetMap, tz: 'Asia/Shanghai', numberFormat: '1,234.56', sheet: '明细' };

  it('names cells as FILE:SHEET!B5', async () => {
    expect(await issuesOf(workbook(), 'b.xlsx', options)).toEqual([
      `b.xlsx:明细!B5: not a timestamp ("x") — ${TIMESTAMP_HINT}`,
    ]);
  });

  it('reads the named sheet, date cells in the data zone', async () => {
    const { table } = await load(workbook(), 'b.xlsx', { ...options, skipInvalid: true });
    expect(table.array('customer_id')).toEqual(['C001', 'C002']);
    expect(Array.from(table.array('timestamp') as Float64Array)).toEqual([
      Date.UTC(2026, 2, 5, 1, 7, 12),
      Date.UTC(2026, 2, 5, 2, 0),
    ]);
    expect(Array.from(table.array('value') as Float64Array)).toEqual([1280.5, 1280]);
  });

  it('reads the first sheet by default and lists the sheets when one is missing', async () => {
    const issues = await issuesOf(workbook(), 'b.xlsx', { map: MAP });
    expect(issues[0]).toBe(
      'b.xlsx:说明!1:1: column given in --map customer_id=客户编号 is not in the file (columns found: 说明) — map a column that exists',
    );
    expect(await issuesOf(workbook(), 'b.xlsx', { sheet: 'Sheet1' })).toEqual([
      'b.xlsx:1:(file): no sheet named "Sheet1" (sheets: "说明", "明细") — give one of them with --sheet (or "sheet" in report.json)',
    ]);
  });
});

describe('Parquet in every common codec', () => {
  let directory = '';
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'journey-codecs-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it.each(['snappy', 'gzip', 'zstd', 'brotli', 'lz4', 'uncompressed'])('%s', async (codec) => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const path = join(directory, `${codec}.parquet`);
    await connection.run(
      `COPY (SELECT * FROM (VALUES ('c1', TIMESTAMP '2026-03-05 01:07:00', 'visit', 12.5::DOUBLE), ('c2', TIMESTAMP '2026-03-05 02:00:00', 'buy', NULL)) t(customer_id, timestamp, event, value)) TO '${path}' (FORMAT parquet, COMPRESSION ${codec})`,
    );
    connection.closeSync();
    const { table } = await load(new Uint8Array(await readFile(path)), `${codec}.parquet`);
    expect(table.array('customer_id')).toEqual(['c1', 'c2']);
    expect(Array.from(table.array('timestamp') as Float64Array)).toEqual([
      Date.UTC(2026, 2, 5, 1, 7),
      Date.UTC(2026, 2, 5, 2, 0),
    ]);
    expect(Array.from(table.array('value') as ArrayLike<number | null>)).toEqual([12.5, null]);
  });
});

describe('time-zone names', () => {
  it('refuses abbreviations with the IANA names they may mean', () => {
    expect(() => resolveLoadOptions({ tz: 'CST' })).toThrow(
      'invalid load option tz: time zone abbreviation "CST" is ambiguous — use an IANA name: Asia/Shanghai, America/Chicago or America/Havana',
    );
    expect(() => parseDataArgs(['e.csv', '--tz', 'IST'])).toThrow(
      '--tz: time zone abbreviation "IST" is ambiguous — use an IANA name: Asia/Kolkata, Europe/Dublin or Asia/Jerusalem',
    );
    expect(parseDataArgs(['e.csv', '--tz', 'UTC']).load.tz).toBe('UTC');
  });
});
