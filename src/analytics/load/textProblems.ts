/**
 * Where a text file stops being readable text, and what to tell the user
 * (spec §1): a NUL byte, half a UTF-16 surrogate pair, a file cut in the
 * middle of a character, or a UTF-8 file that switches to another encoding.
 * Finding the problem is cheap (a byte offset while streaming); its line and
 * column are found only then, by reading the source again up to that byte.
 *
 * @example
 *   throw await textProblemError(open, { kind: 'nul', offset: 70_001 }, 'utf-8');
 */
export type TextProblemKind = 'nul' | 'mixed' | 'utf8AfterGb18030' | 'cut' | 'surrogate' | 'unreadable';

export interface TextProblem {
  kind: TextProblemKind;
  /** Byte offset in the source (a byte-order mark included). */
  offset: number;
}

/** A source that is not (or stops being) text; `line` and `column` are set when the place is known. */
export class NotTextError extends Error {
  override name = 'NotTextError';
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(message: string, line?: number, column?: number) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

const MESSAGES: Record<TextProblemKind, (encoding: string) => string> = {
  nul: (encoding) =>
    `a NUL byte: text files never hold one (a binary or damaged file${encoding === 'UTF-16' ? '' : ', or UTF-16 without its byte-order mark'}?) — export the data again as CSV (UTF-8), JSON, NDJSON, Parquet or Arrow`,
  mixed: () =>
    'the text encoding changes here: UTF-8 before this point, another encoding (GB18030?) from here — re-save the whole file in one encoding (UTF-8)',
  utf8AfterGb18030: () =>
    'the text encoding changes here: GB18030 before this line, UTF-8 from here (two exports pasted together?) — re-save the whole file in one encoding (UTF-8)',
  cut: (encoding) =>
    `the file ends in the middle of a ${encoding} character: it was cut short — copy or export it again in full`,
  surrogate: () => 'not valid UTF-16 here (half a surrogate pair) — re-save the file in one encoding (UTF-8)',
  unreadable: () =>
    'not text in UTF-8, UTF-16 (with a BOM) or GB18030 from here — export the data as CSV (UTF-8), JSON, NDJSON, Parquet or Arrow',
};

const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  gb18030: 'GB18030',
};

export interface PrefixFacts {
  line: number;
  /** 1-based, in characters (code points), of the byte at the offset. */
  column: number;
  /** Whether a UTF-8 sequence of 3 or 4 bytes (or a UTF-8 BOM) came before: the text was UTF-8, not GB18030. */
  wideUtf8: boolean;
}

/** Line and column of byte `offset`, reading `open()` again from the start. */
export async function prefixFacts(
  open: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  offset: number,
  encoding: string,
): Promise<PrefixFacts> {
  const decoder = new TextDecoder(encoding);
  let line = 1;
  let column = 1;
  let wideUtf8 = false;
  let consumed = 0;
  for await (const chunk of open()) {
    if (consumed >= offset) break;
    const part = chunk.subarray(0, Math.min(chunk.length, offset - consumed));
    consumed += part.length;
    // In valid UTF-8, a byte from 0xE0 up starts a 3- or 4-byte sequence; GB18030 text rarely forms one.
    if (!wideUtf8 && encoding === 'utf-8') wideUtf8 = part.some((byte) => byte >= 0xe0);
    const text = decoder.decode(part, { stream: true });
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) {
        line++;
        column = 1;
      } else if (code < 0xdc00 || code > 0xdfff) column++;
    }
  }
  return { line, column, wideUtf8 };
}

/** The error for `problem`, with its line and column. */
export async function textProblemError(
  open: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  problem: TextProblem,
  encoding: string,
): Promise<NotTextError> {
  const { line, column } = await prefixFacts(open, problem.offset, encoding);
  return new NotTextError(MESSAGES[problem.kind](ENCODING_NAMES[encoding] ?? encoding), line, column);
}

/** The same error when the facts are already known. */
export function textProblemAt(kind: TextProblemKind, facts: PrefixFacts, encoding: string): NotTextError {
  return new NotTextError(MESSAGES[kind](ENCODING_NAMES[encoding] ?? encoding), facts.line, facts.column);
}

/** Index of the first byte that does not start a valid UTF-8 sequence (`bytes.length` when none does). */
export function invalidUtf8Index(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let trail: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) trail = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      trail = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      trail = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= trail; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += trail + 1;
  }
  return bytes.length;
}

/** Checks UTF-16 code units chunk by chunk: NUL, lone surrogates, and a file cut mid-character. */
export class Utf16Checker {
  private offset = 0;
  private odd: number | undefined;
  private highSurrogateAt = -1;
  private readonly bigEndian: boolean;

  constructor(bigEndian: boolean) {
    this.bigEndian = bigEndian;
  }

  check(chunk: Uint8Array): TextProblem | undefined {
    let data = chunk;
    let base = this.offset;
    if (this.odd !== undefined) {
      data = new Uint8Array(chunk.length + 1);
      data[0] = this.odd;
      data.set(chunk, 1);
      base -= 1;
    }
    this.offset += chunk.length;
    const end = data.length - (data.length % 2);
    for (let i = 0; i < end; i += 2) {
      const unit = this.bigEndian ? (data[i]! << 8) | data[i + 1]! : data[i]! | (data[i + 1]! << 8);
      const low = unit >= 0xdc00 && unit <= 0xdfff;
      if (this.highSurrogateAt >= 0) {
        if (!low) return { kind: 'surrogate', offset: this.highSurrogateAt };
        this.highSurrogateAt = -1;
      } else if (unit === 0) return { kind: 'nul', offset: base + i };
      else if (low) return { kind: 'surrogate', offset: base + i };
      else if (unit >= 0xd800 && unit <= 0xdbff) this.highSurrogateAt = base + i;
    }
    this.odd = end < data.length ? data[end] : undefined;
    return undefined;
  }

  /** A problem at the end of the source: an odd byte, or half a surrogate pair. */
  finish(): TextProblem | undefined {
    if (this.highSurrogateAt >= 0) return { kind: 'cut', offset: this.highSurrogateAt };
    if (this.odd !== undefined) return { kind: 'cut', offset: this.offset - 1 };
    return undefined;
  }
}

/**
 * Offset of the first byte that does not start a GB18030 sequence, or -1
 * (WHATWG's decoder also refuses a few 4-byte codes beyond Unicode; then -1 too).
 */
export async function invalidGb18030Offset(
  open: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<number> {
  let carry = new Uint8Array(0);
  let base = 0;
  for await (const chunk of open()) {
    const data = carry.length ? new Uint8Array([...carry, ...chunk]) : chunk;
    let i = 0;
    while (i < data.length) {
      const lead = data[i]!;
      if (lead <= 0x80) {
        i++;
        continue;
      }
      if (lead === 0xff) return base + i;
      if (i + 1 >= data.length) break;
      const second = data[i + 1]!;
      if (second >= 0x30 && second <= 0x39) {
        if (i + 3 >= data.length) break;
        const [third, fourth] = [data[i + 2]!, data[i + 3]!];
        if (third < 0x81 || third > 0xfe || fourth < 0x30 || fourth > 0x39) return base + i;
        i += 4;
      } else if ((second >= 0x40 && second <= 0x7e) || (second >= 0x80 && second <= 0xfe)) i += 2;
      else return base + i;
    }
    carry = data.slice(i);
    base += i;
  }
  return carry.length ? base : -1;
}

/**
 * Finds, in a file read as GB18030, the first line written in UTF-8 Chinese
 * instead: a line whose bytes are valid UTF-8 with at least one CJK character
 * and every non-ASCII character in the CJK, CJK-punctuation or full-width
 * blocks (3-byte sequences). GB18030 text is valid UTF-8 only by accident,
 * and then as 2-byte Latin, Greek or Cyrillic letters (`元` is D4 AA, U+052A),
 * so a short GB18030 field does not trip it. Fed chunk by chunk, it keeps only
 * the state of the current line (no bytes), so a long line costs one pass.
 */
export class Utf8LineFinder {
  private offset = 0;
  /** Offset of the current line's first non-ASCII byte, or -1. */
  private first = -1;
  private cjk = false;
  /** The current line cannot be UTF-8 Chinese: skip to its end. */
  private ruledOut = false;
  /** Continuation bytes still due in the current 3-byte sequence, and its code point so far. */
  private due = 0;
  private code = 0;

  /** The offset of the first UTF-8 byte of the first such line among the lines this chunk completes, or -1. */
  check(chunk: Uint8Array): number {
    const base = this.offset;
    this.offset += chunk.length;
    for (let i = 0; i < chunk.length; i++) {
      if (this.ruledOut) {
        const newline = chunk.indexOf(10, i);
        if (newline < 0) return -1;
        i = newline;
      }
      const byte = chunk[i]!;
      if (byte === 10) {
        const found = this.lineEnd();
        if (found >= 0) return found;
      } else if (this.due > 0) {
        if (byte < 0x80 || byte > 0xbf) this.ruledOut = true;
        else {
          this.code = (this.code << 6) | (byte & 0x3f);
          if (--this.due === 0) this.classify();
        }
      } else if (byte >= 0x80) {
        // Only 3-byte sequences (E0-EF) qualify: 2-byte ones are how GB18030 text looks as UTF-8.
        if (byte < 0xe0 || byte > 0xef) this.ruledOut = true;
        else {
          if (this.first < 0) this.first = base + i;
          this.due = 2;
          this.code = byte & 0x0f;
        }
      }
    }
    return -1;
  }

  /** The same for the last line, when the source does not end with a line break. */
  finish(): number {
    return this.lineEnd();
  }

  private classify(): void {
    const code = this.code;
    const han = code >= 0x3400 && code <= 0x9fff;
    const wide = (code >= 0x2000 && code <= 0x33ff) || (code >= 0xff00 && code <= 0xffef);
    // Below U+0800 is an overlong form: not UTF-8.
    if (code < 0x800 || (!han && !wide)) this.ruledOut = true;
    else if (han) this.cjk = true;
  }

  /** Where the line just ended starts being UTF-8 Chinese, or -1; then starts the next line. */
  private lineEnd(): number {
    const found = !this.ruledOut && this.due === 0 && this.cjk ? this.first : -1;
    this.first = -1;
    this.cjk = false;
    this.ruledOut = false;
    this.due = 0;
    return found;
  }
}
