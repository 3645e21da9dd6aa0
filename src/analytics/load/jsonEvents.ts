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
import { DataError } from './dataError.ts';
import type { Issue } from './issues.ts';
import { JsonArrayStream, parseJson } from './jsonArrayStream.ts';
import { RecordColumns } from './recordColumns.ts';
import type { LoadResult } from './loadResult.ts';
import type { ResolvedLoadOptions } from './loadOptions.ts';

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

/**
 * Below this many characters the text is also kept whole, so an error is worded
 * by the whole-file parser exactly as a small file's always was; beyond it only
 * the stream is read and an error's positions are moved from the record to the file.
 */
export const KEPT_JSON_CHARS = 32 * 1024 * 1024;

/** The whole-text reading, for a file that is not an array, or to word an error in a small one. */
function wholeJsonEvents(file: string, text: string, options: ResolvedLoadOptions): LoadResult {
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
    throw invalidJson(file, syntaxErrorLine(text, syntax), syntax.message);
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
  const columns = new RecordColumns();
  const lines = arrayElementLines(text);
  parsed.forEach((record, index) => columns.add(record, lines[index]!));
  return columns.finish(file, options, []);
}

function invalidJson(file: string, line: number, detail: string): DataError {
  return new DataError([
    { file, line, column: '(file)', message: `invalid JSON (${detail}) — fix the syntax, or export the file again` },
  ]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON array of event objects, read as a stream of records (see jsonArrayStream.ts). */
export function jsonEvents(
  file: string,
  options: ResolvedLoadOptions,
  maxRecordChars = MAX_NDJSON_LINE_CHARS,
  keptChars = KEPT_JSON_CHARS,
): TextEventReader {
  const columns = new RecordColumns();
  const stream = new JsonArrayStream((value, line) => columns.add(value, line), {
    depthLimit: MAX_JSON_DEPTH + 1,
    maxElementChars: maxRecordChars,
  });
  let kept: string[] | undefined = [];
  let keptLength = 0;
  return {
    push(text) {
      if (kept) {
        kept.push(text);
        keptLength += text.length;
      }
      stream.push(text);
      // A file that is not an array is read whole, as before; an array only while small.
      if (kept && keptLength > keptChars && !stream.notArray) kept = undefined;
    },
    end: () => stream.end(),
    result() {
      if (kept && (stream.notArray || stream.state === 'before' || stream.deepLine > 0 || stream.problem)) {
        const text = kept.join('');
        kept = undefined;
        // Throws for every case but one the stream refused and the parser takes: then its reading stands.
        return wholeJsonEvents(file, text, options);
      }
      if (stream.notArray) throw new Error(`jsonEvents: ${file} is not an array and was not kept whole`);
      if (stream.deepLine > 0)
        throw new DataError([
          { file, line: stream.deepLine, column: '(file)', message: tooDeepMessage(MAX_JSON_DEPTH) },
        ]);
      const { problem } = stream;
      if (problem?.tooLong) {
        const limit = characterLimit(maxRecordChars);
        throw new DataError([
          {
            file,
            line: problem.line,
            column: '(record)',
            message: `record longer than ${limit} characters, the most one JSON record may hold — export one flat object per event; the file was read no further`,
          },
        ]);
      }
      if (problem) throw invalidJson(file, problem.line, problem.detail);
      return columns.finish(file, options, []);
    },
  };
}

function characterLimit(chars: number): string {
  return chars % (1024 * 1024) === 0 ? `${chars / 1024 / 1024} Mi` : String(chars);
}

export function ndjsonEvents(
  file: string,
  options: ResolvedLoadOptions,
  maxLineChars = MAX_NDJSON_LINE_CHARS,
): TextEventReader {
  const columns = new RecordColumns();
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
      columns.add(parseJson(text), line);
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
        const limit = characterLimit(maxLineChars);
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
      if (columns.recordCount === 0 && issues.length === 0) {
        throw new DataError([
          { file, line: 1, column: '(file)', message: `empty file — write one JSON event object per line` },
        ]);
      }
      return columns.finish(file, options, issues);
    },
  };
}
