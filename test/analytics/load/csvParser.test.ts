import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, fieldText, sniffDelimiter } from '../../../src/analytics/load/csvParser.ts';

interface Parsed {
  header: string[];
  rows: { fields: string[]; line: number; fieldLines: number[] }[];
  unterminated: { line: number; fieldIndex: number }[];
}

/** Parses `text`, pushing it in pieces of `pieceBytes` bytes to exercise chunk boundaries. */
function parse(text: string, pieceBytes = Infinity): Parsed {
  const result: Parsed = { header: [], rows: [], unterminated: [] };
  const parser = new CsvParser({
    header: (names) => (result.header = names),
    row: (row) => {
      const fields = [];
      for (let i = 0; i < row.count; i++) fields.push(fieldText(row, i));
      result.rows.push({ fields, line: row.line, fieldLines: row.fieldLines.slice(0, row.count) });
    },
    unterminatedQuote: (line, fieldIndex) => result.unterminated.push({ line, fieldIndex }),
  });
  const bytes = new TextEncoder().encode(text);
  const step = Math.min(pieceBytes, bytes.length || 1);
  // A reused buffer, as the file loader does.
  const buffer = new Uint8Array(step);
  for (let offset = 0; offset < bytes.length; offset += step) {
    const piece = bytes.subarray(offset, offset + step);
    buffer.set(piece);
    parser.push(buffer.subarray(0, piece.length));
    buffer.fill(0);
  }
  parser.end();
  return result;
}

describe('CsvParser', () => {
  it('reads quoted commas, doubled quotes and quoted line breaks (RFC 4180)', () => {
    const text = 'id,note,n\r\n1,"a, b",x\r\n2,"say ""hi""",y\r\n3,"two\r\nlines",z\r\n';
    const parsed = parse(text);
    expect(parsed.header).toEqual(['id', 'note', 'n']);
    expect(parsed.rows.map((row) => row.fields)).toEqual([
      ['1', 'a, b', 'x'],
      ['2', 'say "hi"', 'y'],
      ['3', 'two\r\nlines', 'z'],
    ]);
  });

  it('gives physical line numbers when quoted line breaks shift them', () => {
    const text = 'id,note,n\n1,"a\nb\nc",x\n2,plain,y\n\n3,"d\re",z';
    const parsed = parse(text);
    expect(parsed.rows.map((row) => row.line)).toEqual([2, 5, 7]);
    // The field after the quoted one starts on the line where the quote closed.
    expect(parsed.rows[0]!.fieldLines).toEqual([2, 2, 4]);
    expect(parsed.rows[2]!.fieldLines).toEqual([7, 7, 8]);
  });

  it('treats CRLF, LF and CR alike', () => {
    for (const newline of ['\r\n', '\n', '\r']) {
      const parsed = parse(['a,b', '1,2', '3,4'].join(newline) + newline);
      expect(parsed.rows.map((row) => [row.fields, row.line])).toEqual([
        [['1', '2'], 2],
        [['3', '4'], 3],
      ]);
    }
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parse('a,b,c\n,,\n1,,\n').rows.map((row) => row.fields)).toEqual([
      ['', '', ''],
      ['1', '', ''],
    ]);
    expect(parse('a,b\n1,').rows[0]!.fields).toEqual(['1', '']);
  });

  it('reports an unterminated quote with the line where it opened', () => {
    const parsed = parse('a,b\n1,2\n3,"open\nmore\n');
    expect(parsed.rows.map((row) => row.fields)).toEqual([['1', '2']]);
    expect(parsed.unterminated).toEqual([{ line: 3, fieldIndex: 1 }]);
  });

  it('sniffs the delimiter from the header line', () => {
    expect(sniffDelimiter('a;b;c')).toBe(';');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('a|b|c')).toBe('|');
    expect(sniffDelimiter('"x;y",b,c')).toBe(',');
    expect(sniffDelimiter('single')).toBe(',');
    expect(parse('客户编号;时间;事件\n甲;2024-03-10;访问\n').rows[0]!.fields).toEqual(['甲', '2024-03-10', '访问']);
    expect(parse('a|b\n1|2\n').rows[0]!.fields).toEqual(['1', '2']);
  });

  it("honours Excel's sep= line", () => {
    const parsed = parse('sep=;\r\na;b\r\n1,5;2\r\n');
    expect(parsed.header).toEqual(['a', 'b']);
    expect(parsed.rows[0]).toEqual({ fields: ['1,5', '2'], line: 3, fieldLines: [3, 3] });
  });

  it('gives the same rows whatever the chunk size (multi-byte text split anywhere)', () => {
    const text = 'id;名称;n\r\n1;"甲,\r\n乙";x\r\n2;"引""号";y\r\n3;丙;\r\n';
    const whole = parse(text);
    for (const size of [1, 2, 3, 5, 7, 13]) expect(parse(text, size)).toEqual(whole);
  });

  it('round-trips random tables (property)', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('', '"', ',', '\n', '\r\n', '\r', 'a"b', ' x '));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (rows, size) => {
          const quote = (value: string): string => `"${value.replaceAll('"', '""')}"`;
          const text = ['a,b,c', ...rows.map((row) => row.map(quote).join(','))].join('\r\n');
          const parsed = parse(text, size);
          expect(parsed.rows.map((row) => row.fields)).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });
});
