import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/analytics/load/dataError.ts';
import { jsonEvents, ndjsonEvents } from '../../../src/analytics/load/jsonEvents.ts';
import { resolveLoadOptions } from '../../../src/analytics/load/loadOptions.ts';
import type { LoadResult } from '../../../src/analytics/load/loadResult.ts';

/** Reads `text` through the streaming path only: cut into `chunkChars` pieces, nothing kept whole. */
function streamJson(text: string, chunkChars: number, maxRecordChars = 1000): LoadResult {
  const reader = jsonEvents('s.json', resolveLoadOptions({}), maxRecordChars, 0);
  for (let i = 0; i < text.length; i += chunkChars) reader.push(text.slice(i, i + chunkChars));
  reader.end();
  return reader.result();
}

function issuesOf(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    if (error instanceof DataError) return error.issues;
    throw error;
  }
  throw new Error('expected a DataError');
}

const event = (id: string, hour: number, name: string) =>
  `{"customer_id": ${id}, "timestamp": "2024-03-10T${String(hour).padStart(2, '0')}:00:00Z", "event": "${name}"}`;

describe('JSON arrays read as a stream', () => {
  // Long ids (beyond 2^53), a quote, a comma and brackets inside strings, and a key only the last record has.
  const text = [
    '[',
    `  ${event('12345678901234567890', 1, 'visit, \\"then\\" [leave]')},`,
    `  ${event('"c2"', 2, '{buy}')},`,
    `  {"customer_id": "c3", "timestamp": "2024-03-10T03:00:00Z", "event": "visit", "channel": "app"}`,
    ']',
  ].join('\n');

  it('parses records split across chunks exactly, at every chunk size', () => {
    for (const chunkChars of [1, 2, 3, 7, 16, 50, text.length]) {
      const { table } = streamJson(text, chunkChars);
      expect(table.array('customer_id')).toEqual(['12345678901234567890', 'c2', 'c3']);
      expect(table.array('event')).toEqual(['visit, "then" [leave]', '{buy}', 'visit']);
      expect(Array.from(table.array('timestamp') as Float64Array)).toEqual([
        Date.UTC(2024, 2, 10, 1),
        Date.UTC(2024, 2, 10, 2),
        Date.UTC(2024, 2, 10, 3),
      ]);
      expect(table.array('channel')).toEqual([null, null, 'app']);
    }
  });

  it('holds no more text than one record plus one chunk: a record over the cap is refused, smaller ones pass', () => {
    // 40 records of about 100 characters each (4 000 in all) read under a 120-character record cap.
    const records = Array.from({ length: 40 }, (_, i) => event(`"c${i}"`, i % 24, 'visit'));
    const { table } = streamJson(`[${records.join(',\n')}]`, 9, 120);
    expect(table.numRows()).toBe(40);
    const long = `[${records[0]},\n{"customer_id": "c1", "note": "${'x'.repeat(200)}"}]`;
    expect(issuesOf(() => streamJson(long, 9, 120))).toEqual([
      {
        file: 's.json',
        line: 2,
        column: '(record)',
        message:
          'record longer than 120 characters, the most one JSON record may hold — export one flat object per event; the file was read no further',
      },
    ]);
  });

  it('refuses nesting past the cap at its line, and locates syntax errors in the file', () => {
    const deep = `[\n${event('"c1"', 1, 'a')},\n{"x": ${'['.repeat(70)}${']'.repeat(70)}}]`;
    const [deepIssue] = issuesOf(() => streamJson(deep, 5)) as { line: number; message: string }[];
    expect(deepIssue!.line).toBe(3);
    expect(deepIssue!.message).toMatch(/^nested deeper than 64 levels/);
    // The record on line 3 lacks a comma after "c2": its position moves from the record to the file.
    const broken = `[\n${event('"c1"', 1, 'a')},\n{"customer_id": "c2" "event": "b"}]`;
    const [issue] = issuesOf(() => streamJson(broken, 4)) as { line: number; message: string }[];
    const position = broken.indexOf('"event": "b"');
    const column = position - broken.lastIndexOf('\n', position);
    expect(issue!.line).toBe(3);
    expect(issue!.message).toContain(`position ${position} (line 3 column ${column})`);
    const [comma] = issuesOf(() => streamJson(`[${event('"c1"', 1, 'a')},]`, 4)) as { line: number; message: string }[];
    expect(comma!.line).toBe(1);
    expect(comma!.message).toMatch(/^invalid JSON \(Unexpected token ']'/);
  });

  it('reads the same table as the whole-text path', () => {
    const whole = jsonEvents('s.json', resolveLoadOptions({}));
    whole.push(text);
    whole.end();
    const streamed = streamJson(text, 5);
    const expected = whole.result().table;
    for (const name of expected.columnNames())
      expect(Array.from(streamed.table.array(name) as ArrayLike<unknown>)).toEqual(
        Array.from(expected.array(name) as ArrayLike<unknown>),
      );
  });
});

describe('NDJSON read as a stream', () => {
  it('parses lines split across chunks exactly', () => {
    const text = `${event('12345678901234567890', 1, 'a')}\n${event('"c2"', 2, 'b')}\n`;
    const reader = ndjsonEvents('s.ndjson', resolveLoadOptions({}), 1000);
    for (let i = 0; i < text.length; i += 3) reader.push(text.slice(i, i + 3));
    reader.end();
    const { table } = reader.result();
    expect(table.array('customer_id')).toEqual(['12345678901234567890', 'c2']);
    expect(table.array('event')).toEqual(['a', 'b']);
  });
});
