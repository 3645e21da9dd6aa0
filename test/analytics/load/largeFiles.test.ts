/**
 * Multi-megabyte files through the streaming loader: more than one chunk, and a
 * GB18030 byte found only past the first chunk, a NUL byte past the parallel
 * CSV threshold. Slow, so they run in the
 * vitest project `slow` (vitest.config.ts); the rest of loadEvents is load.test.ts.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DataError, loadEvents, parseEvents } from '../../../src/analytics/load/load.ts';

const NUL =
  'a NUL byte: text files never hold one (a binary or damaged file, or UTF-16 without its byte-order mark?) — export the data again as CSV (UTF-8), JSON, NDJSON, Parquet or Arrow';

const directory = mkdtempSync(join(tmpdir(), 'journey-large-'));

/** A CSV of about `megabytes` MB with quoted line breaks, quotes and Chinese text throughout. */
function bigCsv(megabytes: number): { text: string; rows: number } {
  const lines = ['customer_id,timestamp,event,note'];
  let size = 0;
  let rows = 0;
  while (size < megabytes * 1024 * 1024) {
    const i = rows++;
    const note = i % 7 === 0 ? `"第${i}行\r\n说""明"""` : i % 5 === 0 ? '"a,b"' : `n${i}`;
    const line = `c${i % 997},2024-03-${String(1 + (i % 28)).padStart(2, '0')} 0${i % 10}:00:0${i % 10},事件${i % 13},${note}`;
    lines.push(line);
    size += line.length * 2;
  }
  return { text: lines.join('\r\n') + '\r\n', rows };
}

describe('loadEvents (multi-megabyte files)', () => {
  it('streams a file larger than one chunk to the same table as one in memory', async () => {
    const { text, rows } = bigCsv(9);
    const path = join(directory, 'big.csv');
    const bytes = new TextEncoder().encode(text);
    writeFileSync(path, bytes);
    const fromDisk = await loadEvents(path, { k: 1 });
    const fromMemory = await parseEvents(bytes, path, { k: 1 });
    expect(fromDisk.table.numRows()).toBe(rows);
    for (const name of ['customer_id', 'event', 'note'])
      expect(fromDisk.table.array(name)).toEqual(fromMemory.table.array(name));
    expect(Array.from(fromDisk.table.array('timestamp') as Float64Array)).toEqual(
      Array.from(fromMemory.table.array('timestamp') as Float64Array),
    );
    expect(fromDisk.table.get('note', 7)).toBe('第7行\r\n说"明"');
  });

  it('re-reads a GB18030 file whose first non-UTF-8 byte is past the first chunk', async () => {
    const { text, rows } = bigCsv(9);
    const path = join(directory, 'big-gb18030.csv');
    // The Chinese text appears from row 0, so make the start ASCII-only to push the first GB18030 byte late.
    const ascii = text
      .replace(/第(\d+)行/g, 'row $1')
      .replace(/说/g, 's')
      .replace(/事件/g, 'e');
    const cut = ascii.indexOf('\r\n', 6 * 1024 * 1024);
    const mixed = ascii.slice(0, cut) + '\r\nc1,2024-03-10,访问,备注' + ascii.slice(cut);
    writeFileSync(path, iconv.encode(mixed, 'gb18030'));
    const { table } = await loadEvents(path, { k: 1 });
    expect(table.numRows()).toBe(rows + 1);
    expect(table.array('event') as string[]).toContain('访问');
  });

  it('reports a NUL byte past 16 MiB as the single-threaded reader does', async () => {
    const note = 'x'.repeat(1000);
    const row = `c1,2024-03-10,visit,${note}\n`;
    const count = Math.ceil((16 * 1024 * 1024) / row.length) + 10;
    const path = join(directory, 'nul-past-16mib.csv');
    const text = 'customer_id,timestamp,event,note\n' + row.repeat(count) + 'c2,2024-03-10,visit,a\0b\n';
    writeFileSync(path, text);
    expect(statSync(path).size).toBeGreaterThan(16 * 1024 * 1024);
    // "c2,2024-03-10,visit,a" is 21 characters.
    await expect(loadEvents(path, { k: 1 })).rejects.toThrow(
      new DataError([{ file: path, line: count + 2, column: '22', message: NUL }]),
    );
  });
});
