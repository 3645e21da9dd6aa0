import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CheckSummary } from '../../src/analytics/load/checkSummary.ts';
import type { CommandIO } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';

const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));

function capture(cwd: string): CommandIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, cwd, stdout: (text) => void out.push(text), stderr: (text) => void err.push(text) };
}

async function run(args: string[], cwd = BAD) {
  const io = capture(cwd);
  const code = await main(args, io);
  return { code, stdout: io.out.join('\n'), stderr: io.err.join('\n') };
}

const TIMESTAMP_HINT =
  'use ISO 8601 with Z or an offset (2024-03-10T08:00:00+08:00), YYYY-MM-DD HH:MM[:SS] in the --tz zone, or epoch seconds (10 digits) or milliseconds (13 digits)';
const NUMBER_HINT = 'write a plain number (12.5), without units or currency signs, or leave it empty';
const NUL_HINT =
  'a NUL byte: text files never hold one (a binary or damaged file, or UTF-16 without its byte-order mark?) — export the data again as CSV (UTF-8), JSON, NDJSON, Parquet or Arrow';
const RECORD_HINT =
  'each event must be an object like {"customer_id": "c1", "timestamp": "2024-03-10 08:00", "event": "visit"}';

/** Each bad file, the extra arguments, and exactly what `journey check` prints on stderr. */
const BAD_FILES: [file: string, args: string[], stderr: string[]][] = [
  [
    'missing-column.csv',
    [],
    [
      'missing-column.csv:1:customer_id: required column missing (columns found: user, timestamp, event) — map it with --map customer_id=user',
    ],
  ],
  [
    'missing-all-columns.csv',
    [],
    [
      'missing-all-columns.csv:1:customer_id: required column missing (columns found: a, b) — rename a column to customer_id or map one with --map customer_id=<column>',
      'missing-all-columns.csv:1:timestamp: required column missing (columns found: a, b) — rename a column to timestamp or map one with --map timestamp=<column>',
      'missing-all-columns.csv:1:event: required column missing (columns found: a, b) — rename a column to event or map one with --map event=<column>',
      '3 errors in total',
    ],
  ],
  [
    'mapped-column-absent.csv',
    ['--map', 'customer_id=客户编号,timestamp=时间,event=事件名'],
    [
      'mapped-column-absent.csv:1:事件名: column given in --map event=事件名 is not in the file (columns found: 客户编号, 时间, 事件) — did you mean --map event=事件?',
    ],
  ],
  [
    'empty-id.csv',
    [],
    [
      'empty-id.csv:3:customer_id: empty customer id ("") — fill it in or drop the row (--skip-invalid)',
      'empty-id.csv:4:customer_id: empty customer id ("   ") — fill it in or drop the row (--skip-invalid)',
      '2 errors in total',
    ],
  ],
  [
    'empty-event.csv',
    [],
    ['empty-event.csv:2:event: empty event name ("") — fill it in or drop the row (--skip-invalid)'],
  ],
  [
    'bad-timestamp.csv',
    [],
    [`bad-timestamp.csv:2:timestamp: not a timestamp ("03/10/2024 08:00") — ${TIMESTAMP_HINT}`],
  ],
  ['empty-timestamp.csv', [], [`empty-timestamp.csv:2:timestamp: empty timestamp ("") — ${TIMESTAMP_HINT}`]],
  [
    'impossible-date.csv',
    [],
    [`impossible-date.csv:2:timestamp: not a timestamp ("2024-02-30 10:00") — ${TIMESTAMP_HINT}`],
  ],
  [
    'epoch-wrong-digits.csv',
    [],
    [`epoch-wrong-digits.csv:2:timestamp: not a timestamp ("171005760012") — ${TIMESTAMP_HINT}`],
  ],
  [
    'quoted-newline-shift.csv',
    [],
    [`quoted-newline-shift.csv:5:timestamp: not a timestamp ("2024-03-1O") — ${TIMESTAMP_HINT}`],
  ],
  [
    'non-numeric-value.csv',
    [],
    [
      'non-numeric-value.csv:2:value: not a number ("¥12.50") — a spreadsheet display form: pass --number-format 1,234.56 (or 1.234,56 for decimal commas) to read it, or export plain numbers',
    ],
  ],
  [
    'thousands-separator.csv',
    [],
    [
      'thousands-separator.csv:2:value: not a number ("1,234.50") — a spreadsheet display form: pass --number-format 1,234.56 (or 1.234,56 for decimal commas) to read it, or export plain numbers',
    ],
  ],
  [
    'decimal-comma.csv',
    [],
    [
      'decimal-comma.csv:2:value: not a number ("12,5") — use a point as the decimal separator (12.5, not 12,5), or pass --number-format 1.234,56',
    ],
  ],
  ['bad-satisfaction.csv', [], [`bad-satisfaction.csv:2:satisfaction: not a number ("very good") — ${NUMBER_HINT}`]],
  [
    'header-only.csv',
    [],
    ['header-only.csv:2:(file): no events (the file has a header but no rows) — export at least one event row'],
  ],
  [
    'empty.csv',
    [],
    [
      'empty.csv:1:(file): empty file (no header row) — export the event log with a header row such as customer_id,timestamp,event',
    ],
  ],
  [
    'all-invalid.csv',
    ['--skip-invalid'],
    ['all-invalid.csv:2:(file): no valid events (all 2 rows are invalid) — export at least one event row'],
  ],
  [
    'ragged-short.csv',
    [],
    [
      'ragged-short.csv:3:(row): 2 fields where the header has 3, missing fields ("c2 | 2024-03-10") — quote fields that contain the delimiter or a line break, and give every row one field per column',
    ],
  ],
  [
    'ragged-long.csv',
    [],
    [
      'ragged-long.csv:2:(row): 4 fields where the header has 3, extra fields ("c1 | 2024-03-10 | visit | web") — quote fields that contain the delimiter or a line break, and give every row one field per column',
    ],
  ],
  [
    'unterminated-quote.csv',
    [],
    [
      'unterminated-quote.csv:3:event: quoted field never closed ("\\"add to cart\\nc3,2024-03-11,visit\\n") — close the quote, and double any quote inside a field ("")',
    ],
  ],
  [
    'header-unterminated-quote.csv',
    [],
    [
      'header-unterminated-quote.csv:1:(file): header row has a quoted field never closed ("\\"timestamp,event\\nc1,2024-03-10,visit\\n") — close the quote, and double any quote inside a field ("")',
    ],
  ],
  ['binary-garbage.csv', [], [`binary-garbage.csv:3:1: ${NUL_HINT}`]],
  ['utf16-without-bom.csv', [], [`utf16-without-bom.csv:1:2: ${NUL_HINT}`]],
  [
    'not-utf8-or-gb18030.csv',
    [],
    [
      'not-utf8-or-gb18030.csv:2:15: not text in UTF-8, UTF-16 (with a BOM) or GB18030 from here — export the data as CSV (UTF-8), JSON, NDJSON, Parquet or Arrow',
    ],
  ],
  [
    'export.xlsx',
    [],
    [
      'export.xlsx:1:(file): not a readable .xlsx workbook (Unsupported ZIP encryption) — open it in Excel and save it again as .xlsx, or as "CSV UTF-8"',
    ],
  ],
  [
    'events',
    [],
    [
      'events:1:(file): no file extension, so the format is unknown — name it .csv, .tsv, .json (an array of objects), .ndjson, .parquet, .arrow or .xlsx after its format',
    ],
  ],
  [
    'not-array.json',
    [],
    [
      'not-array.json:1:(file): expected a JSON array of event objects, found an object — export the array itself (the events seem to be under "events")',
    ],
  ],
  [
    'invalid-json.json',
    [],
    [
      "invalid-json.json:3:(file): invalid JSON (Expected ',' or '}' after property value in JSON at position 95 (line 3 column 24)) — fix the syntax, or export the file again",
    ],
  ],
  ['empty-array.json', [], [`empty-array.json:1:(file): no events (no records) — ${RECORD_HINT}`]],
  [
    'record-not-object.json',
    [],
    [`record-not-object.json:3:(record): record is not an object ("c2,2024-03-10,visit") — ${RECORD_HINT}`],
  ],
  [
    'json-bad-values.json',
    [],
    [
      `json-bad-values.json:2:value: not a number ("12 EUR") — ${NUMBER_HINT}`,
      'json-bad-values.json:3:customer_id: empty customer id ("") — fill it in or drop the row (--skip-invalid)',
      'json-bad-values.json:3:timestamp: 1 compact stamp such as "20240310" (line 3) among 1 timestamp of other forms (first at line 2) — compact YYYYMMDD[HHMMSS] stamps are read only when every value of the column has that form; export the column in one form',
      '3 errors in total',
    ],
  ],
  [
    'bad-line.ndjson',
    [],
    [
      "bad-line.ndjson:2:(record): not valid JSON (Expected ',' or '}' after property value in JSON at position 60 (line 1 column 61)) — write one JSON object per line",
    ],
  ],
  ['not-object.ndjson', [], [`not-object.ndjson:3:(record): record is not an object ("[1,2,3]") — ${RECORD_HINT}`]],
  ['blank.ndjson', [], ['blank.ndjson:1:(file): empty file — write one JSON event object per line']],
  [
    'not-parquet.parquet',
    [],
    [
      'not-parquet.parquet:1:(file): not a readable Parquet file (parquet file invalid (footer != PAR1)) — export it again as Parquet, or as CSV',
    ],
  ],
  [
    'not-arrow.arrow',
    [],
    ['not-arrow.arrow:1:(file): not a readable Arrow IPC file — export it again as Arrow IPC (Feather v2), or as CSV'],
  ],
  ['no-such-file.csv', [], ['no-such-file.csv:1:(file): file not found — check the path and the working directory']],
];

describe('journey check on bad files', () => {
  it('has a corpus of at least 25 bad files', () => {
    expect(BAD_FILES.filter(([file]) => file !== 'no-such-file.csv').length).toBeGreaterThanOrEqual(25);
  });

  it.each(BAD_FILES)('%s exits 1 with its FILE:LINE:COLUMN messages', async (file, args, expected) => {
    const { code, stderr } = await run(['check', file, ...args]);
    expect(code).toBe(1);
    expect(stderr.split('\n')).toEqual(expected);
  });

  it('prints three errors of one kind in full, then their count and first lines', async () => {
    const { code, stderr } = await run(['check', 'many-errors.csv']);
    expect(code).toBe(1);
    expect(stderr.split('\n')).toEqual([
      `many-errors.csv:2:timestamp: not a timestamp ("someday") — ${TIMESTAMP_HINT}`,
      `many-errors.csv:3:timestamp: not a timestamp ("someday") — ${TIMESTAMP_HINT}`,
      `many-errors.csv:4:timestamp: not a timestamp ("someday") — ${TIMESTAMP_HINT}`,
      '  … and the same in lines 5, 6, 7, 8, 9, … (57 rows)',
      '60 errors in total',
    ]);
  });

  it('prints the check JSON with the errors under --json', async () => {
    const { code, stdout } = await run(['check', 'empty-id.csv', '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout) as CheckSummary).toEqual({
      rows: 1,
      customers: 1,
      events: 1,
      first: '2024-03-10T00:00:00.000Z',
      last: '2024-03-10T00:00:00.000Z',
      columns: {
        found: ['customer_id', 'timestamp', 'event'],
        mapped: { customer_id: 'customer_id', timestamp: 'timestamp', event: 'event' },
      },
      errors: [
        {
          file: 'empty-id.csv',
          line: 3,
          column: 'customer_id',
          message: 'empty customer id ("") — fill it in or drop the row (--skip-invalid)',
        },
        {
          file: 'empty-id.csv',
          line: 4,
          column: 'customer_id',
          message: 'empty customer id ("   ") — fill it in or drop the row (--skip-invalid)',
        },
      ],
      warnings: [
        {
          file: 'empty-id.csv',
          line: 2,
          column: 'timestamp',
          message:
            '3 timestamps have no zone (no Z or offset) and were read as UTC — if they are local times, give their zone: --tz Asia/Shanghai (or "tz" in report.json)',
        },
      ],
    });
  });
});

describe('journey check --json on an unreadable file', () => {
  it('prints an empty summary carrying the error', async () => {
    const { code, stdout, stderr } = await run(['check', 'export.xlsx', '--json']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout) as CheckSummary).toEqual({
      rows: 0,
      customers: 0,
      events: 0,
      first: null,
      last: null,
      columns: { found: [], mapped: {} },
      errors: [
        {
          file: 'export.xlsx',
          line: 1,
          column: '(file)',
          message:
            'not a readable .xlsx workbook (Unsupported ZIP encryption) — open it in Excel and save it again as .xlsx, or as "CSV UTF-8"',
        },
      ],
      warnings: [],
    });
  });
});

describe('journey check on good files', () => {
  const directory = mkdtempSync(join(tmpdir(), 'journey-check-'));
  const csv = [
    '客户编号;时间;事件;渠道',
    '甲;2024-03-10 08:00;访问;微信',
    '乙;2024-03-10 09:00;访问;微信',
    '甲;2024-03-11 08:00;购买;门店',
    '甲;2024-03-11 08:00;购买;门店',
  ].join('\r\n');
  writeFileSync(join(directory, '订单.csv'), csv);
  const mapping = [
    '--map',
    'customer_id=客户编号,timestamp=时间',
    '--map',
    'event=事件,channel=渠道',
    '--tz',
    'Asia/Shanghai',
  ];

  it('summarises the log and lists warnings, exiting 0', async () => {
    const { code, stdout, stderr } = await run(['check', '订单.csv', ...mapping], directory);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      '订单.csv: ok',
      '  rows        4',
      '  customers   2',
      '  events      2 distinct',
      '  time span   2024-03-10 08:00:00 +08:00 .. 2024-03-11 08:00:00 +08:00 (1.0 days, Asia/Shanghai)',
      '  columns     客户编号, 时间, 事件, 渠道',
      '  mapped      customer_id <- 客户编号, timestamp <- 时间, event <- 事件, channel <- 渠道',
      '',
      'Warnings (3):',
      '订单.csv:5:(row): exact duplicate of line 4 — kept; pass --dedupe to drop it',
      '订单.csv:2:渠道: channel "微信" is used by 2 customers, fewer than k=5 — reports suppress its figures; merge it into a larger channel',
      '订单.csv:4:渠道: channel "门店" is used by 1 customer, fewer than k=5 — reports suppress its figures; merge it into a larger channel',
      '3 warnings in total',
    ]);
  });

  it('prints the spec §11 check shape with --json, deduplicated with --dedupe', async () => {
    const { code, stdout } = await run(['check', '订单.csv', ...mapping, '--dedupe', '--json'], directory);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as CheckSummary;
    expect(Object.keys(summary)).toEqual([
      'rows',
      'customers',
      'events',
      'first',
      'last',
      'columns',
      'errors',
      'warnings',
    ]);
    expect(summary).toMatchObject({
      rows: 3,
      customers: 2,
      events: 2,
      first: '2024-03-10T00:00:00.000Z',
      last: '2024-03-11T00:00:00.000Z',
      columns: {
        found: ['客户编号', '时间', '事件', '渠道'],
        mapped: { customer_id: '客户编号', timestamp: '时间', event: '事件', channel: '渠道' },
      },
      errors: [],
    });
    expect(summary.warnings[0]).toEqual({
      file: '订单.csv',
      line: 5,
      column: '(row)',
      message: 'exact duplicate of line 4 — dropped (--dedupe)',
    });
  });

  it('skips invalid rows with --skip-invalid, exiting 0 and saying how many', async () => {
    writeFileSync(
      join(directory, 'mixed.csv'),
      'customer_id,timestamp,event\nc1,2024-03-10,visit\n,2024-03-10,visit\n',
    );
    const { code, stdout, stderr } = await run(['check', 'mixed.csv', '--skip-invalid'], directory);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('\n  skipped     1 invalid row\n');
    expect(stdout).toContain(
      'mixed.csv:3:customer_id: row skipped: empty customer id ("") — fill it in or drop the row (--skip-invalid)\nmixed.csv:3:(file): 1 invalid row skipped (--skip-invalid)',
    );
  });

  it('exits 2 with the usage on bad usage', async () => {
    for (const args of [
      ['check'],
      ['check', '订单.csv', '--map', 'customer_id'],
      ['check', '订单.csv', '--map', 'shopper=客户编号'],
      ['check', '订单.csv', '--tz', 'Mars/Olympus'],
      ['check', '订单.csv', '--frobnicate'],
      ['check', '订单.csv', 'other.csv'],
    ]) {
      const { code, stderr } = await run(args, directory);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^journey check: .+\n\nUsage: journey check <file> \[options\]/);
    }
  });

  it('prints its help with --help', async () => {
    const { code, stdout } = await run(['check', '--help'], directory);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: journey check <file> \[options\]/);
    expect(stdout).toContain('--skip-invalid');
  });
});
