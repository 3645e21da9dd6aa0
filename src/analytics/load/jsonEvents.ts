/**
 * JSON (an array of objects) and NDJSON (one object per line) event logs.
 * Each record's line is its physical line: for JSON the line where the record
 * begins, for NDJSON its own line. Columns are the union of the records' keys
 * in order of first appearance.
 *
 * @example
 *   const reader = jsonEvents('a.json', resolveLoadOptions());
 *   reader.push('[{"customer_id":"c1","timestamp":"2024-03-10","event":"visit"}]'); reader.end();
 */
import type { TextEventReader } from './csvEvents.ts';
import { EventTableBuilder } from './eventTableBuilder.ts';
import { DataError } from './dataError.ts';
import { quoteValue, type Issue } from './issues.ts';
import type { LoadResult } from './loadResult.ts';
import type { ResolvedLoadOptions } from './loadOptions.ts';

const RECORD_HINT =
  'each event must be an object like {"customer_id": "c1", "timestamp": "2024-03-10 08:00", "event": "visit"}';

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Where JSON.parse stopped, as a line number, when its message says. */
function syntaxErrorLine(text: string, error: Error): number {
  const lineColumn = /line (\d+) column \d+/.exec(error.message);
  if (lineColumn) return Number(lineColumn[1]);
  const position = /position (\d+)/.exec(error.message);
  if (position) return lineAt(text, Number(position[1]));
  return 1;
}

/** The line on which each element of a top-level JSON array begins. */
export function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    if (depth === 1 && expectValue) {
      if (c !== 93 /* ] */) lines.push(line);
      expectValue = false;
    }
    if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      if (depth === 1 && c === 91) expectValue = true;
    } else if (c === 93 || c === 125) depth--;
    else if (c === 44 /* , */ && depth === 1) expectValue = true;
  }
  return lines;
}

/**
 * The deepest nesting of arrays and objects read. Event values are flat (text,
 * numbers, dates); a value nested deeper cannot even be printed in a message
 * (JSON.stringify recurses), so it is refused before parsing.
 */
export const MAX_JSON_DEPTH = 64;

/** The longest NDJSON line read, in characters (one event is never near it). */
export const MAX_NDJSON_LINE_CHARS = 64 * 1024 * 1024;

/** The line where `text` first nests deeper than `limit`, or 0; iterative, linear. */
export function tooDeepLine(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return line;
    } else if (c === 93 || c === 125) depth--;
  }
  return 0;
}

function tooDeepMessage(limit: number): string {
  return `nested deeper than ${limit} levels of arrays and objects — event values must be flat (text, numbers, dates): export one column per value`;
}

/** Loads records (already parsed values) with their lines into the event table. */
export function eventsFromRecords(
  file: string,
  records: readonly unknown[],
  lines: readonly number[],
  options: ResolvedLoadOptions,
  recordIssues: readonly Issue[] = [],
): LoadResult {
  const keys = new Map<string, number>();
  for (const record of records) {
    if (isRecord(record)) for (const key of Object.keys(record)) if (!keys.has(key)) keys.set(key, keys.size);
  }
  if (records.length === 0 && recordIssues.length === 0) {
    throw new DataError([{ file, line: 1, column: '(file)', message: `no events (no records) — ${RECORD_HINT}` }]);
  }
  const names = [...keys.keys()];
  if (names.length === 0 && recordIssues.length > 0) throw new DataError([...recordIssues]);
  const builder = new EventTableBuilder(
    file,
    names.map((name) => ({ name })),
    options,
    'typed',
  );
  for (const issue of recordIssues) builder.invalidRow(issue.line, issue.column, issue.message);
  const values: unknown[] = new Array(names.length);
  records.forEach((record, index) => {
    if (!isRecord(record)) {
      builder.invalidRow(lines[index]!, '(record)', `record is not an object (${quoteValue(record)}) — ${RECORD_HINT}`);
      return;
    }
    for (let i = 0; i < names.length; i++) values[i] = record[names[i]!];
    builder.addRow(values, names.length, lines[index]!);
  });
  return builder.finish();
}

/** Integers beyond 2^53 (ids from a bank's system) as their digits; plain JSON.parse would round them. */
function keepLongIntegers(_key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value === 'number' && !Number.isSafeInteger(value) && context?.source && /^-?\d+$/.test(context.source))
    return context.source;
  return value;
}

/** JSON.parse, keeping long integers' digits (the reviver runs only when the text has a 16-digit run). */
function parseJson(text: string): unknown {
  return /\d{16}/.test(text) ? JSON.parse(text, keepLongIntegers) : JSON.parse(text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function jsonEvents(file: string, options: ResolvedLoadOptions): TextEventReader {
  const parts: string[] = [];
  return {
    push: (text) => void parts.push(text),
    end: () => {},
    result() {
      const text = parts.join('');
      parts.length = 0;
      if (text.trim() === '') {
        throw new DataError([
          {
            file,
            line: 1,
            column: '(file)',
            message: `empty file — export the events as a JSON array: [{"customer_id": ...}, ...]`,
          },
        ]);
      }
      // Counted from the array itself: its records may nest one level less.
      const deepLine = tooDeepLine(text, MAX_JSON_DEPTH + 1);
      if (deepLine > 0)
        throw new DataError([{ file, line: deepLine, column: '(file)', message: tooDeepMessage(MAX_JSON_DEPTH) }]);
      let parsed: unknown;
      try {
        parsed = parseJson(text);
      } catch (error) {
        const syntax = error as Error;
        throw new DataError([
          {
            file,
            line: syntaxErrorLine(text, syntax),
            column: '(file)',
            message: `invalid JSON (${syntax.message}) — fix the syntax, or export the file again`,
          },
        ]);
      }
      if (!Array.isArray(parsed)) {
        const found = parsed === null ? 'null' : typeof parsed === 'object' ? 'an object' : `a ${typeof parsed}`;
        const inner = isRecord(parsed) ? Object.keys(parsed).find((key) => Array.isArray(parsed[key])) : undefined;
        const advice = inner
          ? `export the array itself (the events seem to be under "${inner}")`
          : 'export the events as [{"customer_id": ..., "timestamp": ..., "event": ...}, ...]';
        throw new DataError([
          {
            file,
            line: 1,
            column: '(file)',
            message: `expected a JSON array of event objects, found ${found} — ${advice}`,
          },
        ]);
      }
      return eventsFromRecords(file, parsed, arrayElementLines(text), options);
    },
  };
}

export function ndjsonEvents(
  file: string,
  options: ResolvedLoadOptions,
  maxLineChars = MAX_NDJSON_LINE_CHARS,
): TextEventReader {
  const records: unknown[] = [];
  const lines: number[] = [];
  const issues: Issue[] = [];
  let pending = '';
  let line = 0;
  let tooLong: Issue | undefined;
  const take = (raw: string): void => {
    line++;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    if (tooDeepLine(text) > 0) {
      issues.push({ file, line, column: '(record)', message: tooDeepMessage(MAX_JSON_DEPTH) });
      return;
    }
    try {
      records.push(parseJson(text));
      lines.push(line);
    } catch (error) {
      issues.push({
        file,
        line,
        column: '(record)',
        message: `not valid JSON (${(error as Error).message}) — write one JSON object per line`,
      });
    }
  };
  return {
    push(text) {
      if (tooLong) return;
      pending += text;
      let start = 0;
      let newline = pending.indexOf('\n');
      for (; newline >= 0 && newline - start <= maxLineChars; newline = pending.indexOf('\n', start)) {
        take(pending.slice(start, newline));
        start = newline + 1;
      }
      pending = pending.slice(start);
      if (newline >= 0 || pending.length > maxLineChars) {
        // Refused before it outgrows what a string can hold; the rest of the file is not read.
        const limit = maxLineChars % (1024 * 1024) === 0 ? `${maxLineChars / 1024 / 1024} Mi` : String(maxLineChars);
        tooLong = {
          file,
          line: line + 1,
          column: '(record)',
          message: `line longer than ${limit} characters, the most one NDJSON line may hold — write one event object per line; the file was read no further`,
        };
        pending = '';
      }
    },
    end() {
      if (pending !== '') take(pending);
      pending = '';
    },
    result() {
      if (tooLong) throw new DataError([...issues, tooLong].sort((a, b) => a.line - b.line));
      if (records.length === 0 && issues.length === 0) {
        throw new DataError([
          { file, line: 1, column: '(file)', message: `empty file — write one JSON event object per line` },
        ]);
      }
      return eventsFromRecords(file, records, lines, options, issues);
    },
  };
}
