/**
 * A streaming CSV/TSV parser (RFC 4180): text arrives in chunks of any size,
 * fields go straight to a handler one row at a time through one reused array
 * (no per-row objects). Quoted fields may hold delimiters, doubled quotes and
 * line breaks; CRLF, LF and CR all end a row; blank lines are skipped. Every
 * row and field carries its physical line number (header = line 1).
 *
 * @example
 *   const parser = new CsvParser({ header, row, unterminatedQuote });
 *   parser.push('a;b\r\n1;"x\ny"\r\n'); parser.end(); // row(['1', 'x\ny'], 2, 2, [2, 2])
 */

export interface CsvHandler {
  header(names: string[], line: number): void;
  /** `fields[0..count)` and where each starts; the arrays are reused after the call. */
  row(fields: readonly string[], count: number, line: number, fieldLines: readonly number[]): void;
  /** A quoted field still open at the end of the file; `fieldIndex` counts from 0. */
  unterminatedQuote(line: number, fieldIndex: number, preview: string): void;
}

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

/** Counts line breaks in `text[from, to)`: LF, CRLF and a lone CR each count once. */
function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) breaks++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) breaks++;
  }
  return breaks;
}

export class CsvParser {
  private readonly handler: CsvHandler;
  private buffer = '';
  private line = 1;
  private delimiter: string | undefined;
  private delimiterCode = 44;
  private sawHeader = false;
  private done = false;
  private readonly fields: string[] = [];
  private readonly fieldLines: number[] = [];

  /** `delimiter` forces one; otherwise it is sniffed from the header line. */
  constructor(handler: CsvHandler, delimiter?: string) {
    this.handler = handler;
    if (delimiter !== undefined) this.setDelimiter(delimiter);
  }

  /** The delimiter in use, once known. */
  get currentDelimiter(): string | undefined {
    return this.delimiter;
  }

  private setDelimiter(delimiter: string): void {
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  push(text: string): void {
    if (this.done || text.length === 0) return;
    this.buffer = this.buffer.length ? this.buffer + text : text;
    this.parse(false);
  }

  end(): void {
    if (this.done) return;
    this.parse(true);
    this.done = true;
  }

  /** Sniffs the delimiter once the first line is complete; false while it is not. */
  private prepare(final: boolean): boolean {
    if (this.delimiter !== undefined) return true;
    const text = this.buffer;
    let quoted = false;
    let end = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) quoted = !quoted;
      else if (!quoted && (c === LF || c === CR)) {
        end = i;
        break;
      }
    }
    if (end < 0 && !final) return false;
    const firstLine = end < 0 ? text : text.slice(0, end);
    // Excel's `sep=;` hint line names the delimiter and is not the header.
    const hint = /^sep=(.)$/.exec(firstLine);
    if (hint) {
      this.setDelimiter(hint[1]);
      let skip = end < 0 ? text.length : end + 1;
      if (end >= 0 && text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF) skip++;
      this.buffer = text.slice(skip);
      this.line++;
      return true;
    }
    this.setDelimiter(sniffDelimiter(firstLine));
    return true;
  }

  private emit(count: number, line: number): void {
    if (!this.sawHeader) {
      this.sawHeader = true;
      this.handler.header(this.fields.slice(0, count), line);
    } else this.handler.row(this.fields, count, line, this.fieldLines);
  }

  private parse(final: boolean): void {
    if (!this.prepare(final)) return;
    const text = this.buffer;
    const length = text.length;
    const delimiter = this.delimiterCode;
    const fields = this.fields;
    const fieldLines = this.fieldLines;
    let line = this.line;
    let i = 0;
    let rowStart = 0;
    let rowLine = line;
    let incomplete = false;
    rows: while (i < length) {
      rowStart = i;
      rowLine = line;
      let c = text.charCodeAt(i);
      if (c === LF || c === CR) {
        if (c === CR && i + 1 >= length && !final) {
          incomplete = true;
          break;
        }
        i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        continue;
      }
      let count = 0;
      for (;;) {
        const fieldLine = line;
        let value: string;
        let j: number;
        if (text.charCodeAt(i) === QUOTE) {
          value = '';
          let start = i + 1;
          for (;;) {
            const close = text.indexOf('"', start);
            if (close < 0) {
              if (!final) {
                incomplete = true;
                break rows;
              }
              this.handler.unterminatedQuote(fieldLine, count, text.slice(i, i + 40));
              line += countBreaks(text, start, length);
              i = length;
              rowStart = length;
              break rows;
            }
            if (close + 1 >= length && !final) {
              incomplete = true;
              break rows;
            }
            line += countBreaks(text, start, close);
            if (close > start) value += text.slice(start, close);
            if (text.charCodeAt(close + 1) === QUOTE) {
              value += '"';
              start = close + 2;
              continue;
            }
            j = close + 1;
            break;
          }
          // Text after the closing quote is kept as it is (lenient, as spreadsheets are).
          let k = j;
          while (k < length) {
            c = text.charCodeAt(k);
            if (c === delimiter || c === LF || c === CR) break;
            k++;
          }
          if (k > j) value += text.slice(j, k);
          j = k;
        } else {
          j = i;
          while (j < length) {
            c = text.charCodeAt(j);
            if (c === delimiter || c === LF || c === CR) break;
            j++;
          }
          value = text.slice(i, j);
        }
        fields[count] = value;
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
        c = text.charCodeAt(j);
        if (c === delimiter) {
          i = j + 1;
          if (i >= length) {
            if (!final) {
              incomplete = true;
              break rows;
            }
            fields[count] = '';
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
          i = text.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
        } else i = j + 1;
        this.emit(count, rowLine);
        line++;
        continue rows;
      }
    }
    if (incomplete) {
      this.buffer = text.slice(rowStart);
      this.line = rowLine;
    } else {
      this.buffer = '';
      this.line = line;
    }
  }

  /** Whether a header row was read. */
  get hasHeader(): boolean {
    return this.sawHeader;
  }
}
