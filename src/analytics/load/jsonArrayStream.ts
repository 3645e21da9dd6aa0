/**
 * Reads a top-level JSON array as a stream of elements: each element's text is
 * cut out between the array's commas (quote- and nesting-aware) and parsed on
 * its own, so the whole file is never one string (V8 strings stop near 512 MB).
 * Nesting is counted across the whole stream exactly as `tooDeepLine` counts it.
 *
 * @example
 *   const stream = new JsonArrayStream((value, line) => rows.push(value), { depthLimit: 65, maxElementChars: 1 << 26 });
 *   stream.push('[{"a":1},\n{"a"'); stream.push(':2}]'); stream.end();
 */

/** Integers beyond 2^53 (ids from a bank's system) as their digits; plain JSON.parse would round them. */
function keepLongIntegers(_key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value === 'number' && !Number.isSafeInteger(value) && context?.source && /^-?\d+$/.test(context.source))
    return context.source;
  return value;
}

/** JSON.parse, keeping long integers' digits (the reviver runs only when the text has a 16-digit run). */
export function parseJson(text: string): unknown {
  return /\d{16}/.test(text) ? JSON.parse(text, keepLongIntegers) : JSON.parse(text);
}

/** A syntax problem, located in the whole file. */
export interface JsonStreamProblem {
  line: number;
  /** The parser's wording, with positions counted from the start of the file. */
  detail: string;
  /** Set when the stream was refused for its size rather than its syntax. */
  tooLong?: boolean;
}

export interface JsonArrayStreamOptions {
  /** Refuse nesting deeper than this, counting the array itself as level 1. */
  depthLimit: number;
  /** Refuse an element longer than this many characters (it would outgrow a string). */
  maxElementChars: number;
}

const SPACE = 32;
const TAB = 9;
const CR = 13;
const NEWLINE = 10;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;

/** An element's parser message with its positions moved from the element to the file. */
function locateInFile(message: string, offset: number, line: number, column: number): JsonStreamProblem {
  let fileLine = line;
  const detail = message
    .replace(/position (\d+)/, (_, position: string) => `position ${Number(position) + offset}`)
    .replace(/\(line (\d+) column (\d+)\)/, (_, lineText: string, columnText: string) => {
      const elementLine = Number(lineText);
      fileLine = line + elementLine - 1;
      const fileColumn = elementLine === 1 ? Number(columnText) + column - 1 : Number(columnText);
      return `(line ${fileLine} column ${fileColumn})`;
    });
  return { line: fileLine, detail };
}

export class JsonArrayStream {
  /** `before` the opening bracket, `inside` the array, `after` its closing bracket. */
  state: 'before' | 'inside' | 'after' = 'before';
  /** The first non-blank character was not `[`: the caller reads the text whole instead. */
  notArray = false;
  /** The line where nesting first went past the limit, or 0. */
  deepLine = 0;
  /** The first syntax or size problem; no element is delivered after it. */
  problem: JsonStreamProblem | undefined;

  private readonly onValue: (value: unknown, line: number) => void;
  private readonly options: JsonArrayStreamOptions;
  private depth = 0;
  private inString = false;
  private line = 1;
  /** Characters before the current chunk, and where the current line began (both file offsets). */
  private offset = 0;
  private lineStart = 0;
  // The element being read: its parts from earlier chunks and where it began.
  private parts: string[] = [];
  private partsLength = 0;
  private elementStart = -1;
  private elementLine = 0;
  private elementOffset = 0;
  private elementColumn = 0;
  /** After `[` or `,`: an element must come before the next `,` or `]`. */
  private expectElement = false;
  private elementCount = 0;

  constructor(onValue: (value: unknown, line: number) => void, options: JsonArrayStreamOptions) {
    this.onValue = onValue;
    this.options = options;
  }

  /** Whether reading goes on: false once the array is refused (too deep, too long) or not an array. */
  get reading(): boolean {
    return !this.notArray && this.deepLine === 0 && !this.problem?.tooLong;
  }

  push(text: string): void {
    if (!this.reading) return;
    const { depthLimit } = this.options;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE) {
        this.line++;
        this.lineStart = this.offset + i + 1;
      }
      if (this.inString) {
        if (c === BACKSLASH) i++;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      const blank = c === SPACE || c === NEWLINE || c === TAB || c === CR;
      if (this.state === 'before') {
        if (blank) continue;
        if (c !== 91 /* [ */) {
          this.notArray = true;
          return;
        }
        this.state = 'inside';
        this.depth = 1;
        this.expectElement = true;
        continue;
      }
      if (this.state === 'after') {
        if (!blank) this.fail(this.offset + i, `Unexpected non-whitespace character after JSON`);
        continue;
      }
      if (this.depth === 1 && (c === COMMA || c === 93) /* ] */) {
        this.endElement(text, i);
        if (c === 93) {
          this.depth = 0;
          this.state = 'after';
        } else this.expectElement = true;
        continue;
      }
      if (blank) continue;
      if (this.depth === 1 && this.elementStart < 0) this.startElement(i);
      if (c === QUOTE) this.inString = true;
      else if (c === 91 || c === 123 /* { */) {
        if (++this.depth > depthLimit) {
          this.deepLine = this.line;
          return;
        }
      } else if (c === 93 || c === 125 /* } */) this.depth--;
    }
    if (this.elementStart >= 0) {
      this.parts.push(text.slice(this.elementStart));
      this.partsLength += text.length - this.elementStart;
      this.elementStart = 0;
      if (!this.checkElementLength(0)) return;
    }
    this.offset += text.length;
  }

  /** The end of the text: an array still open is a syntax problem. */
  end(): void {
    if (this.reading && this.state === 'inside') this.fail(this.offset, 'Unexpected end of JSON input');
  }

  private startElement(index: number): void {
    this.elementCount++;
    this.elementStart = index;
    this.elementLine = this.line;
    this.elementOffset = this.offset + index;
    this.elementColumn = this.offset + index - this.lineStart + 1;
  }

  private endElement(text: string, index: number): void {
    if (this.elementStart < 0) {
      // `[,`, `,,` or `,]`; `[]` is an empty array.
      if (this.expectElement && !(text.charCodeAt(index) === 93 && this.elementCount === 0))
        this.fail(this.offset + index, `Unexpected token '${text[index]}'`);
      this.expectElement = false;
      return;
    }
    if (!this.checkElementLength(index)) return;
    this.parts.push(text.slice(this.elementStart, index));
    const elementText = this.parts.join('');
    this.parts = [];
    this.partsLength = 0;
    this.elementStart = -1;
    this.expectElement = false;
    if (this.problem) return;
    let value: unknown;
    try {
      value = parseJson(elementText);
    } catch (error) {
      const message = (error as Error).message;
      this.problem = locateInFile(message, this.elementOffset, this.elementLine, this.elementColumn);
      return;
    }
    this.onValue(value, this.elementLine);
  }

  /** Whether the element read so far (up to `index` of this chunk) is within the cap; refuses it if not. */
  private checkElementLength(index: number): boolean {
    if (this.partsLength + index - this.elementStart <= this.options.maxElementChars) return true;
    this.problem = { line: this.elementLine, detail: '', tooLong: true };
    this.parts = [];
    this.partsLength = 0;
    this.elementStart = -1;
    return false;
  }

  private fail(position: number, message: string): void {
    if (this.problem) return;
    const column = position - this.lineStart + 1;
    this.problem = {
      line: this.line,
      detail: `${message} in JSON at position ${position} (line ${this.line} column ${column})`,
    };
  }
}
