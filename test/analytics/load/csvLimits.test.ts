import { describe, expect, it } from 'vitest';
import { csvEvents } from '../../../src/analytics/load/csvEvents.ts';
import { CsvParser, fieldText, MAX_FIELD_BYTES } from '../../../src/analytics/load/csvParser.ts';
import { DataError } from '../../../src/analytics/load/dataError.ts';
import { resolveLoadOptions } from '../../../src/analytics/load/loadOptions.ts';

const encoder = new TextEncoder();

/** Pushes `bytes` in `pieceBytes` pieces; returns the fields of every row and the bytes the scanner went over. */
function parseInPieces(bytes: Uint8Array, pieceBytes: number): { rows: string[][]; scanned: number } {
  const rows: string[][] = [];
  const parser = new CsvParser({
    header: () => {},
    row: (row) => rows.push(Array.from({ length: row.count }, (_, i) => fieldText(row, i))),
    unterminatedQuote: () => {},
  });
  for (let offset = 0; offset < bytes.length; offset += pieceBytes)
    parser.push(bytes.subarray(offset, offset + pieceBytes));
  parser.end();
  return { rows, scanned: parser.scannedBytes };
}

describe('CSV parsing cost and limits', () => {
  it('reads a field of doubled quotes arriving in small pieces with linear work', () => {
    for (const quotes of [50_000, 200_000, 800_000]) {
      const text = `id,note\n1,"${'""'.repeat(quotes)}"\n2,x\n`;
      const bytes = encoder.encode(text);
      const { rows, scanned } = parseInPieces(bytes, 4096);
      expect(rows).toEqual([
        ['1', '"'.repeat(quotes)],
        ['2', 'x'],
      ]);
      // The unfinished row is re-scanned only when its carry has doubled: at most
      // about 3x the input, whatever its size (re-scanning at every piece was ~size²/8 KiB).
      expect(scanned).toBeLessThanOrEqual(3 * bytes.length);
    }
  });

  it('reads a plain long quoted field in pieces with linear work', () => {
    const text = `id,note\n1,"${'ab\n'.repeat(300_000)}"\n`;
    const bytes = encoder.encode(text);
    const { rows, scanned } = parseInPieces(bytes, 1000);
    expect(rows[0]?.[1]).toBe('ab\n'.repeat(300_000));
    expect(scanned).toBeLessThanOrEqual(3 * bytes.length);
  });

  it('documents the field limit as 64 MiB', () => {
    expect(MAX_FIELD_BYTES).toBe(64 * 1024 * 1024);
  });

  function loadWithLimit(text: string, limit: number, pieceBytes: number): DataError {
    const reader = csvEvents('big.csv', resolveLoadOptions({}), undefined, limit);
    const bytes = encoder.encode(text);
    for (let offset = 0; offset < bytes.length; offset += pieceBytes)
      reader.pushBytes(bytes.subarray(offset, offset + pieceBytes));
    reader.end();
    try {
      reader.result();
    } catch (error) {
      if (error instanceof DataError) return error;
      throw error;
    }
    throw new Error('expected a DataError');
  }

  it('refuses a field over the limit at its line and column, read no further', () => {
    const text = `customer_id,timestamp,event\nc1,2024-03-10 08:00,"${'x'.repeat(5000)}"\nc2,bad,visit\n`;
    for (const pieceBytes of [100, 1 << 20]) {
      const error = loadWithLimit(text, 1024, pieceBytes);
      expect(error.issues).toEqual([
        {
          file: 'big.csv',
          line: 2,
          column: 'event',
          message:
            'a field longer than 1024 bytes, the most one field may hold (a quote never closed?) — close the quote, or shorten the text before export; the file was read no further',
        },
      ]);
    }
  });

  it('refuses a quote never closed once it passes the limit, without reading the rest', () => {
    const text = `customer_id,timestamp,event\nc1,2024-03-10 08:00,visit\nc2,2024-03-10 09:00,"open\n${'more text\n'.repeat(500)}`;
    const error = loadWithLimit(text, 2048, 256);
    expect(error.issues.map((issue) => [issue.line, issue.column])).toEqual([[3, 'event']]);
  });
});
