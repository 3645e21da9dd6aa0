/**
 * A streaming CSV/TSV parser (RFC 4180) over UTF-8 bytes: chunks of any size
 * arrive, rows go to a handler one at a time as byte ranges in one reused
 * structure (no per-row objects, no string per field), so readers can parse
 * and intern fields where they lie. Quoted fields may hold delimiters, doubled
 * quotes and line breaks; CRLF, LF and CR all end a row; blank lines are
 * skipped. Every row and field carries its physical line (header = line 1).
 *
 * @example
 *   const parser = new CsvParser({ header, row, unterminatedQuote });
 *   parser.push(new TextEncoder().encode('a;b\r\n1;"x\ny"\r\n')); parser.end();
 *   // header(['a', 'b'], 1), then a row with fields '1' and 'x\ny' on line 2
 */

/**
 * One parsed row, valid only during the handler call (its arrays are reused).
 * Field i is the UTF-8 text `bytes[starts[i], ends[i])` unless it was quoted,
 * in which case `quoted[i]` holds its unescaped value.
 */
export interface CsvRow {
  bytes: Uint8Array;
  count: number;
  starts: number[];
  ends: number[];
  quoted: (string | undefined)[];
  /** The physical line where the row starts, and where each field starts. */
  line: number;
  fieldLines: number[];
}

const utf8 = new TextDecoder();

/** UTF-8 bytes as a string. */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  return start === end ? '' : utf8.decode(bytes.subarray(start, end));
}

/** The value of field `index` as a string. */
export function fieldText(row: CsvRow, index: number): string {
  return row.quoted[index] ?? decodeUtf8(row.bytes, row.starts[index]!, row.ends[index]!);
}

export interface CsvHandler {
  header(names: string[], line: number): void;
  row(row: CsvRow): void;
  /** A quoted field still open at the end of the file; `fieldIndex` counts from 0. */
  unterminatedQuote(line: number, fieldIndex: number, preview: string): void;
  /** A field (or an unfinished row) over the size limit: parsing stops there (without a handler: a RangeError). */
  fieldTooLong?(line: number, fieldIndex: number, limitBytes: number): void;
}

/**
 * The largest field (and unfinished row) read: far above any real event log's
 * text, and below what a JavaScript string can hold, so a quote never closed
 * in a huge file is an error here rather than an out-of-memory crash later.
 */
export const MAX_FIELD_BYTES = 64 * 1024 * 1024;

export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The delimiter of a header line: the candidate seen most often outside quotes (ties: `,` `;` tab `|`). */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(DELIMITER_CANDIDATES.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: string = ',';
  let bestCount = 0;
  for (const [candidate, count] of counts) {
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** Counts line breaks in `bytes[from, to)`: LF, CRLF and a lone CR each count once. */
function countBreaks(bytes: Uint8Array, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = bytes[i];
    if (c === LF) breaks++;
    else if (c === CR && (i + 1 >= bytes.length || bytes[i + 1] !== LF)) breaks++;
  }
  return breaks;
}

export class CsvParser {
  private readonly handler: CsvHandler;
  // The unfinished row of the last push lives at the start of `work`; the next
  // push is copied after it. Reusing one buffer avoids allocating per chunk.
  private work = new Uint8Array(0);
  private carryLength = 0;
  private line = 1;
  // Absolute byte offsets (in the source) of the next pushed byte and of the
  // kept carry, so a byte range can stop at the first row starting at `limit`.
  private nextOffset = 0;
  private carryOffset = 0;
  private limit = Infinity;
  // An unfinished row is parsed again only once its carry has doubled, so a
  // huge row arriving in small chunks costs linear, not quadratic, time.
  private reparseAt = 0;
  private readonly maxFieldBytes: number;
  /** Bytes handed to the scanner in all (carries re-scanned included), to show the cost stays linear. */
  scannedBytes = 0;
  private stopOffset = -1;
  private delimiter: string | undefined;
  private delimiterCode = 44;
  private sawHeader = false;
  private done = false;
  private readonly row: CsvRow = {
    bytes: new Uint8Array(0),
    count: 0,
    starts: [],
    ends: [],
    quoted: [],
    line: 0,
    fieldLines: [],
  };

  /**
   * `delimiter` forces one; otherwise it is sniffed from the header line.
   * `range` parses a part of a file from a row boundary: no header row, the
   * first pushed byte at `offset` of the file, and its row on `line`.
   */
  constructor(
    handler: CsvHandler,
    delimiter?: string,
    range?: { offset: number; line: number },
    maxFieldBytes = MAX_FIELD_BYTES,
  ) {
    this.handler = handler;
    this.maxFieldBytes = maxFieldBytes;
    if (delimiter !== undefined) this.setDelimiter(delimiter);
    if (range) {
      this.sawHeader = true;
      this.nextOffset = range.offset;
      this.line = range.line;
    }
  }

  /** Stops before the first row (or blank line) that starts at or after byte `offset` of the source. */
  stopAt(offset: number): void {
    this.limit = offset;
  }

  /** Where parsing stopped at the limit (the next row's byte offset), or -1 while it has not. */
  get stoppedAt(): number {
    return this.stopOffset;
  }

  /** Whether parsing is over: the end, the limit, or a field too long. */
  get finished(): boolean {
    return this.done;
  }

  /** The physical line of the next row. */
  get currentLine(): number {
    return this.line;
  }

  /** The delimiter in use, once known. */
  get currentDelimiter(): string | undefined {
    return this.delimiter;
  }

  /** Whether a header row was read. */
  get hasHeader(): boolean {
    return this.sawHeader;
  }

  private setDelimiter(delimiter: string): void {
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Parses what `bytes` completes. The caller may reuse `bytes` afterwards. */
  push(bytes: Uint8Array): void {
    if (this.done || bytes.length === 0) return;
    let data = bytes;
    let offset = this.nextOffset;
    this.nextOffset += bytes.length;
    if (this.carryLength) {
      offset = this.carryOffset;
      const needed = this.carryLength + bytes.length;
      if (this.work.length < needed) {
        const grown = new Uint8Array(Math.max(needed, this.work.length * 2));
        grown.set(this.work.subarray(0, this.carryLength));
        this.work = grown;
      }
      this.work.set(bytes, this.carryLength);
      data = this.work.subarray(0, needed);
      if (needed < this.reparseAt) {
        this.carryLength = needed;
        return;
      }
    }
    this.parse(data, offset, false);
  }

  end(): void {
    if (this.done) return;
    this.parse(this.work.subarray(0, this.carryLength), this.carryOffset, true);
    this.carryLength = 0;
    this.done = true;
  }

  /** Keeps `bytes[from, end)` for the next push, at the start of the work buffer. */
  private keep(bytes: Uint8Array, offset: number, from: number): void {
    const length = bytes.length - from;
    this.carryOffset = offset + from;
    if (bytes.buffer === this.work.buffer)
      this.work.copyWithin(
        0,
        bytes.byteOffset - this.work.byteOffset + from,
        bytes.byteOffset - this.work.byteOffset + bytes.length,
      );
    else {
      if (this.work.length < length) this.work = new Uint8Array(Math.max(length, 1 << 16));
      this.work.set(bytes.subarray(from));
    }
    this.carryLength = length;
  }

  /** Sniffs the delimiter once the first line is complete; returns where parsing starts, or -1 to wait. */
  private prepare(bytes: Uint8Array, final: boolean): number {
    if (this.delimiter !== undefined) return 0;
    let quoted = false;
    let end = -1;
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i];
      if (c === QUOTE) quoted = !quoted;
      else if (!quoted && (c === LF || c === CR)) {
        end = i;
        break;
      }
    }
    if (end < 0 && !final) return -1;
    const firstLine = decodeUtf8(bytes, 0, end < 0 ? bytes.length : end);
    // Excel's `sep=;` hint line names the delimiter and is not the header.
    const hint = /^sep=(.)$/.exec(firstLine);
    if (hint) {
      this.setDelimiter(hint[1]!);
      this.line++;
      if (end < 0) return bytes.length;
      return bytes[end] === CR && bytes[end + 1] === LF ? end + 2 : end + 1;
    }
    this.setDelimiter(sniffDelimiter(firstLine));
    return 0;
  }

  private emit(count: number, line: number): void {
    const row = this.row;
    row.count = count;
    row.line = line;
    if (!this.sawHeader) {
      this.sawHeader = true;
      const names: string[] = [];
      for (let i = 0; i < count; i++) names.push(fieldText(row, i));
      this.handler.header(names, line);
    } else this.handler.row(row);
  }

  private tooLong(line: number, fieldIndex: number): void {
    if (!this.handler.fieldTooLong)
      throw new RangeError(`CSV field ${fieldIndex + 1} on line ${line} is longer than ${this.maxFieldBytes} bytes`);
    this.handler.fieldTooLong(line, fieldIndex, this.maxFieldBytes);
    this.done = true;
    this.carryLength = 0;
  }

  /** Parses `bytes`, which start at byte `offset` of the source. */
  private parse(bytes: Uint8Array, offset: number, final: boolean): void {
    const begin = this.prepare(bytes, final);
    if (begin < 0) {
      this.keep(bytes, offset, 0);
      return;
    }
    const length = bytes.length;
    const delimiter = this.delimiterCode;
    const row = this.row;
    row.bytes = bytes;
    const starts = row.starts;
    const ends = row.ends;
    const quoted = row.quoted;
    const fieldLines = row.fieldLines;
    let line = this.line;
    let i = begin;
    let rowStart = begin;
    let rowLine = line;
    let incomplete = false;
    let openField = 0;
    let openFieldLine = line;
    this.scannedBytes += length - begin;
    rows: while (i < length) {
      rowStart = i;
      rowLine = line;
      if (offset + i >= this.limit) {
        this.stopOffset = offset + i;
        this.done = true;
        break;
      }
      let c = bytes[i];
      if (c === LF || c === CR) {
        if (c === CR && i + 1 >= length && !final) {
          incomplete = true;
          break;
        }
        i += c === CR && i + 1 < length && bytes[i + 1] === LF ? 2 : 1;
        line++;
        continue;
      }
      let count = 0;
      for (;;) {
        const fieldLine = line;
        openField = count;
        openFieldLine = fieldLine;
        let value: string | undefined;
        let j: number;
        if (bytes[i] === QUOTE) {
          let start = i + 1;
          let doubled = false;
          for (;;) {
            const close = bytes.indexOf(QUOTE, start);
            if (close < 0) {
              if (!final) {
                incomplete = true;
                break rows;
              }
              this.handler.unterminatedQuote(fieldLine, count, decodeUtf8(bytes, i, Math.min(length, i + 40)));
              line += countBreaks(bytes, start, length);
              rowStart = length;
              break rows;
            }
            if (close + 1 >= length && !final) {
              incomplete = true;
              break rows;
            }
            line += countBreaks(bytes, start, close);
            if (close + 1 < length && bytes[close + 1] === QUOTE) {
              doubled = true;
              start = close + 2;
              continue;
            }
            j = close + 1;
            break;
          }
          // Decoded once, then un-doubled: linear in the field's length.
          value = decodeUtf8(bytes, i + 1, j - 1);
          if (doubled) value = value.replaceAll('""', '"');
          // Text after the closing quote is kept as it is (lenient, as spreadsheets are).
          let k = j;
          while (k < length) {
            c = bytes[k];
            if (c === delimiter || c === LF || c === CR) break;
            k++;
          }
          if (k > j) value += decodeUtf8(bytes, j, k);
          j = k;
        } else {
          j = i;
          while (j < length) {
            c = bytes[j];
            if (c === delimiter || c === LF || c === CR) break;
            j++;
          }
          value = undefined;
        }
        if (j - i > this.maxFieldBytes) {
          this.tooLong(fieldLine, count);
          return;
        }
        starts[count] = i;
        ends[count] = j;
        quoted[count] = value;
        fieldLines[count] = fieldLine;
        count++;
        if (j >= length) {
          if (!final) {
            incomplete = true;
            break rows;
          }
          this.emit(count, rowLine);
          i = length;
          rowStart = length;
          continue rows;
        }
        c = bytes[j];
        if (c === delimiter) {
          i = j + 1;
          if (i >= length) {
            if (!final) {
              incomplete = true;
              break rows;
            }
            starts[count] = i;
            ends[count] = i;
            quoted[count] = undefined;
            fieldLines[count] = line;
            count++;
            this.emit(count, rowLine);
            rowStart = length;
            continue rows;
          }
          continue;
        }
        if (c === CR) {
          if (j + 1 >= length && !final) {
            incomplete = true;
            break rows;
          }
          i = j + 1 < length && bytes[j + 1] === LF ? j + 2 : j + 1;
        } else i = j + 1;
        this.emit(count, rowLine);
        line++;
        continue rows;
      }
    }
    if (incomplete) {
      if (length - rowStart > this.maxFieldBytes) {
        this.tooLong(openFieldLine, openField);
        return;
      }
      // Kept in our own buffer: the caller may reuse its one.
      this.keep(bytes, offset, rowStart);
      this.reparseAt = 2 * (length - rowStart);
      this.line = rowLine;
    } else {
      this.carryLength = 0;
      this.line = line;
    }
  }
}
