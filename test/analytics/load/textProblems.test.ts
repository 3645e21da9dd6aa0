import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DataError, loadEvents } from '../../../src/analytics/load/load.ts';
import { resolveLoadOptions } from '../../../src/analytics/load/loadOptions.ts';
import { loadCsvInParallel } from '../../../src/analytics/load/parallelCsv.ts';
import { parseEventStream } from '../../../src/analytics/load/parseEvents.ts';

const NOW = Date.UTC(2026, 0, 1);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const gb18030 = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, 'gb18030'));
const utf16le = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, 'utf-16le', { addBOM: true }));
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

const MIXED =
  'the text encoding changes here: UTF-8 before this point, another encoding (GB18030?) from here — re-save the whole file in one encoding (UTF-8)';
const UTF8_AFTER_GB18030 =
  'the text encoding changes here: GB18030 before this line, UTF-8 from here (two exports pasted together?) — re-save the whole file in one encoding (UTF-8)';
const NUL =
  'a NUL byte: text files never hold one (a binary or damaged file, or UTF-16 without its byte-order mark?) — export the data again as CSV (UTF-8), JSON, NDJSON, Parquet or Arrow';
const cut = (encoding: string): string =>
  `the file ends in the middle of a ${encoding} character: it was cut short — copy or export it again in full`;

/** The printed issues of loading `bytes` as `file`, cut into chunks of `size` bytes. */
async function issuesOf(bytes: Uint8Array, file: string, size = bytes.length): Promise<string[]> {
  const chunks = () => {
    const out: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += size) out.push(bytes.slice(i, i + size));
    return out;
  };
  try {
    await parseEventStream(chunks, file, { now: NOW });
  } catch (error) {
    if (error instanceof DataError) return error.issues.map((i) => `${i.file}:${i.line}:${i.column}: ${i.message}`);
    throw error;
  }
  throw new Error('expected a DataError');
}

/** The same issues for every chunk size: the line and column do not depend on where chunks end. */
async function sameForEveryChunking(bytes: Uint8Array, file: string): Promise<string[]> {
  const whole = await issuesOf(bytes, file);
  for (const size of [3, 7, 64]) expect(await issuesOf(bytes, file, size)).toEqual(whole);
  return whole;
}

const HEADER = 'customer_id,timestamp,event\n';

describe('one encoding per file', () => {
  it('refuses a UTF-8 file with a GB18030 block, naming where it changes', async () => {
    // "c2,2024-03-11," is 14 characters: the GB18030 bytes start at column 15 of line 3.
    const bytes = concat(utf8(HEADER + 'c1,2024-03-10,访问\n'), gb18030('c2,2024-03-11,访问\n'));
    expect(await sameForEveryChunking(bytes, 'events.csv')).toEqual([`events.csv:3:15: ${MIXED}`]);
    const ndjson = concat(
      utf8('{"customer_id":"c1","timestamp":"2024-03-10","event":"访问"}\n'),
      gb18030('{"customer_id":"c2","timestamp":"2024-03-11","event":"访问"}\n'),
    );
    // `{"customer_id":"c2","timestamp":"2024-03-11","event":"` is 54 characters.
    expect(await sameForEveryChunking(ndjson, 'events.ndjson')).toEqual([`events.ndjson:2:55: ${MIXED}`]);
  });

  it('still reads a whole GB18030 file, and a UTF-8 file with a BOM then GB18030 is mixed', async () => {
    const gb = gb18030(HEADER + 'c1,2024-03-10,访问\n');
    const { table } = await parseEventStream(() => [gb], 'events.csv', { now: NOW });
    expect(table.array('event')).toEqual(['访问']);
    const withBom = concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(HEADER), gb18030('c1,2024-03-10,访问\n'));
    expect(await sameForEveryChunking(withBom, 'events.csv')).toEqual([`events.csv:2:15: ${MIXED}`]);
  });

  it('refuses a GB18030 file with a UTF-8 block after it, naming the first UTF-8 line', async () => {
    // Read as GB18030, the UTF-8 访问 would become other characters without any error.
    const bytes = concat(
      gb18030(HEADER + 'c1,2024-03-10,访问\nc2,2024-03-10,元\n'),
      utf8('c3,2024-03-11,访问\nc4,2024-03-11,访问\n'),
    );
    // "c3,2024-03-11," is 14 characters: the first UTF-8 character is column 15 of line 4.
    expect(await sameForEveryChunking(bytes, 'events.csv')).toEqual([`events.csv:4:15: ${UTF8_AFTER_GB18030}`]);
    const lastLine = concat(gb18030(HEADER + 'c1,2024-03-10,访问\n'), utf8('c3,2024-03-11,访问（旧）'));
    expect(await sameForEveryChunking(lastLine, 'events.csv')).toEqual([`events.csv:3:15: ${UTF8_AFTER_GB18030}`]);
  });

  it('reads GB18030 lines that are valid UTF-8 by accident: 2-byte letters, never CJK', async () => {
    // 元 is D4 AA and 取值 C8 A1 D6 B5 in GB18030: valid UTF-8 (U+052A; U+0221 U+05B5), not Chinese.
    const bytes = gb18030(HEADER + 'c1,2024-03-10,访问\nc2,2024-03-10,元\nc3,2024-03-10,取值\n');
    for (const size of [bytes.length, 3, 7]) {
      const chunks = () =>
        Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.slice(i * size, (i + 1) * size));
      const { table } = await parseEventStream(chunks, 'events.csv', { now: NOW });
      expect(table.array('event')).toEqual(['访问', '元', '取值']);
    }
  });

  it('names the first byte that is neither UTF-8 nor GB18030, columns in GB18030 characters', async () => {
    // "c2,2024-03-11,访问" is 16 characters; 0xFF is never a GB18030 byte.
    const bytes = concat(gb18030(HEADER + 'c2,2024-03-11,访问'), new Uint8Array([0xff, 0x0a]));
    expect(await sameForEveryChunking(bytes, 'events.csv')).toEqual([
      'events.csv:2:17: not text in UTF-8, UTF-16 (with a BOM) or GB18030 from here — export the data as CSV (UTF-8), JSON, NDJSON, Parquet or Arrow',
    ]);
  });

  it('refuses a UTF-8 file cut in the middle of a character', async () => {
    const whole = utf8(HEADER + 'c1,2024-03-10,访问');
    expect(await sameForEveryChunking(whole.subarray(0, whole.length - 1), 'events.csv')).toEqual([
      `events.csv:2:16: ${cut('UTF-8')}`,
    ]);
  });
});

describe('truncated UTF-16', () => {
  it('names the line and column of an odd last byte', async () => {
    const whole = utf16le(HEADER + 'c1,2024-03-10,visit');
    // "c1,2024-03-10,visi" is 18 characters; half of the "t" is left.
    expect(await sameForEveryChunking(whole.subarray(0, whole.length - 1), 'events.csv')).toEqual([
      `events.csv:2:19: ${cut('UTF-16')}`,
    ]);
  });

  it('names a surrogate pair cut at the end or broken in the middle', async () => {
    const whole = utf16le(HEADER + 'c1,2024-03-10,visit😀');
    expect(await sameForEveryChunking(whole.subarray(0, whole.length - 2), 'events.csv')).toEqual([
      `events.csv:2:20: ${cut('UTF-16')}`,
    ]);
    const broken = utf16le(HEADER + 'c1,2024-03-10,vis\ud83dit\nc2,2024-03-10,visit\n');
    expect(await sameForEveryChunking(broken, 'events.csv')).toEqual([
      'events.csv:2:18: not valid UTF-16 here (half a surrogate pair) — re-save the file in one encoding (UTF-8)',
    ]);
  });
});

describe('NUL bytes', () => {
  // 3,000 rows of 25 bytes put row 3,001 past the first 64 KiB.
  const rows = Array.from({ length: 3000 }, (_, i) => `c${String(i).padStart(4, '0')},2024-03-10,visit\n`).join('');

  it('are refused anywhere in a CSV or JSON file, with line and column', async () => {
    const csv = utf8(HEADER + rows + 'c9999,2024-03-10,vis\0it\n');
    expect(csv.length).toBeGreaterThan(65_536);
    // Line 1 is the header; "c9999,2024-03-10,vis" is 20 characters.
    expect(await issuesOf(csv, 'events.csv', 4096)).toEqual([`events.csv:3002:21: ${NUL}`]);
    const ndjson = utf8(rows.replace(/.*\n/g, '{"x":1}\n') + '{"event":"a\0"}\n');
    expect(await issuesOf(ndjson, 'events.ndjson', 4096)).toEqual([`events.ndjson:3001:12: ${NUL}`]);
  });

  it('are refused in GB18030 and UTF-16 text, columns counted in characters', async () => {
    expect(await sameForEveryChunking(gb18030(HEADER + 'c1,2024-03-10,访问\0\n'), 'events.csv')).toEqual([
      `events.csv:2:17: ${NUL}`,
    ]);
    expect(await sameForEveryChunking(utf16le(HEADER + 'c1,2024-03-10,访问\0\n'), 'events.csv')).toEqual([
      'events.csv:2:17: a NUL byte: text files never hold one (a binary or damaged file?) — export the data again as CSV (UTF-8), JSON, NDJSON, Parquet or Arrow',
    ]);
  });
});

// A file over the 16 MiB threshold through loadEvents is in largeFiles.test.ts (slow).
describe('on the parallel CSV path', { timeout: 120_000 }, () => {
  const directory = mkdtempSync(join(tmpdir(), 'journey-text-problems-'));

  async function loadIssues(path: string): Promise<string[]> {
    try {
      await loadEvents(path, { now: NOW });
    } catch (error) {
      if (error instanceof DataError) return error.issues.map((i) => `${i.line}:${i.column}: ${i.message}`);
      throw error;
    }
    throw new Error('expected a DataError');
  }

  it('hands files with encoding problems to the single-threaded reader, which names the place', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => `c${i},2024-03-10,visit\n`).join('');
    const cases: [Uint8Array, string][] = [
      [utf8(HEADER + rows + 'c1,2024-03-10,vi\0sit\n'), `4002:17: ${NUL}`],
      [concat(utf8(HEADER + 'c1,2024-03-10,访问\n' + rows), gb18030('c2,2024-03-11,访问\n')), `4003:15: ${MIXED}`],
    ];
    for (const [index, [bytes, issue]] of cases.entries()) {
      const path = join(directory, `small-${index}.csv`);
      writeFileSync(path, bytes);
      const plan = { ranges: 2, minBytes: 0, inThread: true };
      const options = resolveLoadOptions({ now: NOW });
      expect(await loadCsvInParallel(path, path, statSync(path).size, options, plan)).toBeUndefined();
      expect(await loadIssues(path)).toEqual([issue]);
    }
  });
});
