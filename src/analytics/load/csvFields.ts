/**
 * Reading one field of a parsed CSV row straight from the parser's bytes, for
 * the event-table builder: blank checks, numbers and text into a sink, with no
 * string made for a field that does not need one.
 *
 * @example
 *   csvNumber(row, 5, undefined); // 19.9; NaN when blank; -Infinity when not a number
 */
import type { TextSink } from './columnSinks.ts';
import { numberOf } from './cellValues.ts';
import { fieldText, type CsvRow } from './csvParser.ts';
import type { ResolvedLoadOptions } from './loadOptions.ts';
import { parseNumberBytes } from './parseNumber.ts';

export function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i]! > 32) return false;
  return true;
}

/** Whether field `index` is empty or only spaces. */
export function isBlankField(row: CsvRow, index: number): boolean {
  const quoted = row.quoted[index];
  return quoted !== undefined ? quoted.trim() === '' : isBlank(row.bytes, row.starts[index]!, row.ends[index]!);
}

/** Field `index` as a number: NaN when blank, -Infinity when it is not a number (or overflows, 1e309). */
export function csvNumber(row: CsvRow, index: number, format: ResolvedLoadOptions['numberFormat']): number {
  const { bytes, starts, ends } = row;
  const text = row.quoted[index];
  if (text !== undefined) {
    const number = numberOf(text, format);
    return number === null ? NaN : number === undefined ? -Infinity : number;
  }
  if (isBlank(bytes, starts[index]!, ends[index]!)) return NaN;
  if (format === '1.234,56') return numberOf(fieldText(row, index), format) ?? -Infinity;
  let parsed = parseNumberBytes(bytes, starts[index]!, ends[index]!);
  if (parsed !== parsed && format) parsed = numberOf(fieldText(row, index), format) ?? NaN;
  return parsed !== parsed || parsed === Infinity ? -Infinity : parsed;
}

export function pushField(sink: TextSink, row: CsvRow, index: number): void {
  const value = row.quoted[index];
  if (value !== undefined) sink.push(value);
  else sink.pushBytes(row.bytes, row.starts[index]!, row.ends[index]!);
}

/** An optional text field: empty is `null`. */
export function pushOptionalField(sink: TextSink, row: CsvRow, index: number): void {
  const value = row.quoted[index];
  if (value !== undefined) sink.push(value === '' ? null : value);
  else if (row.starts[index] === row.ends[index]) sink.push(null);
  else sink.pushBytes(row.bytes, row.starts[index]!, row.ends[index]!);
}
