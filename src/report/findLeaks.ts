/**
 * Finds customer ids in text for the privacy scan (spec §10).
 *
 * The rules. Text is read as written and again with HTML entities and `\uXXXX`
 * escapes decoded (`o&#39;brien` is `o'brien`). Letters and digits (Han, kana
 * and hangul excluded: Chinese has no spaces) form runs; a run splits into
 * parts where it changes between lower case, upper case and digits (but not
 * upper to lower: `Agent` is one part), and `_` separates runs.
 * - An id of letters and digits mixed, or with separators (`u1000011`,
 *   `cust-0001`, `a@b.cn`), leaks when it starts and ends on part boundaries:
 *   `assigned_agent_u1000011` and `agentU1000011` hold `u1000011`; `BB03130`
 *   and `XBB0313` do not hold `BB0313`.
 * - A numeric id (6+ digits) leaks only as a whole run, not after `#` or `%23`
 *   (a CSS colour, `#111418`) and not as part of a decimal (`123.456789`).
 * - An id written in Han, kana or hangul (a Chinese name, 2+ characters) leaks
 *   wherever it occurs with no Latin letter or digit right beside it.
 * - Ids too short to tell apart from numbers and words are not scanned and are
 *   counted: under 4 characters (2 for CJK names), or digits only and under 6;
 *   so are ids that are words of the product's own text (`purchase`, `Paths`).
 *
 * @example
 *   const matcher = createIdMatcher(['BB0313', 'u1000011']);
 *   findLeaks('<td>BB0313</td> assigned_agent_u1000011 BB03130', matcher); // ['BB0313', 'u1000011']
 */

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
const RUN = /[[\p{L}\p{N}]--[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]]+/gv;
const SINGLE_RUN = /^[[\p{L}\p{N}]--[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]]+$/v;
const RUN_CHAR = /^[[\p{L}\p{N}]--[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]]$/v;

export const MIN_ID_LENGTH = 4;
export const MIN_NUMERIC_ID_LENGTH = 6;
export const MIN_CJK_ID_LENGTH = 2;

export interface IdMatcher {
  /** Numeric ids: matched as whole runs. */
  numeric: Set<string>;
  /** Other ids of one part: matched by set lookup on parts. */
  parts: Set<string>;
  /** Ids of several parts or with separators, by their first part ('' when they start with CJK or a symbol). */
  compound: Map<string, string[]>;
  /** Ids not scanned: too short, or words of the product's own text. */
  unscanned: string[];
}

/** Whether an id is long enough to be told apart from numbers and words. */
export function isScannable(id: string): boolean {
  const chars = [...id];
  if (/^\d+$/.test(id)) return chars.length >= MIN_NUMERIC_ID_LENGTH;
  if (chars.every((char) => CJK.test(char))) return chars.length >= MIN_CJK_ID_LENGTH;
  return chars.length >= MIN_ID_LENGTH;
}

type CharClass = 'lower' | 'upper' | 'digit' | 'other' | 'none';

function classOf(char: string | undefined): CharClass {
  if (char === undefined || !RUN_CHAR.test(char)) return 'none';
  if (/\p{N}/u.test(char)) return 'digit';
  if (/\p{Lu}/u.test(char)) return 'upper';
  if (/\p{Ll}/u.test(char)) return 'lower';
  return 'other';
}

/** Whether a part starts (or ends) between `before` and `after`. */
function isBoundary(before: string | undefined, after: string | undefined): boolean {
  const [a, b] = [classOf(before), classOf(after)];
  if (a === 'none' || b === 'none') return true;
  if (a === b) return false;
  return !(a === 'upper' && b === 'lower');
}

/** The code point ending just before `index` (surrogate pairs kept whole). */
function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text[index - 1];
}

function charAt(text: string, index: number): string | undefined {
  const code = text.codePointAt(index);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

/** The first part of `text` from `start` (within its run). */
function firstPart(text: string, start: number): string {
  let end = start;
  while (end < text.length) {
    const char = charAt(text, end)!;
    if (classOf(char) === 'none') break;
    const next = end + char.length;
    end = next;
    if (isBoundary(char, charAt(text, next))) break;
  }
  return text.slice(start, end);
}

export interface MatcherOptions {
  /** Whether an id is a word of the product's own text (then it is not scanned). */
  isProductWord?: (id: string) => boolean;
}

export function createIdMatcher(ids: Iterable<string>, options: MatcherOptions = {}): IdMatcher {
  const matcher: IdMatcher = { numeric: new Set(), parts: new Set(), compound: new Map(), unscanned: [] };
  for (const raw of ids) {
    const id = raw.trim();
    if (id === '') continue;
    if (!isScannable(id) || options.isProductWord?.(id)) {
      matcher.unscanned.push(id);
      continue;
    }
    if (/^\d+$/.test(id)) {
      matcher.numeric.add(id);
      continue;
    }
    const lead = firstPart(id, 0);
    if (lead === id) {
      matcher.parts.add(id);
      continue;
    }
    const list = matcher.compound.get(lead) ?? [];
    list.push(id);
    matcher.compound.set(lead, list);
  }
  return matcher;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text with HTML character references and JavaScript `\uXXXX` escapes decoded. */
export function unescapeText(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function isNumericLeak(text: string, start: number, end: number): boolean {
  if (text[start - 1] === '#' || text.slice(Math.max(0, start - 3), start).toLowerCase() === '%23') return false;
  if (text[start - 1] === '.' && /\d/.test(text[start - 2] ?? '')) return false;
  if (text[end] === '.' && /\d/.test(text[end + 1] ?? '')) return false;
  return true;
}

function findIn(text: string, matcher: IdMatcher, found: Set<string>): void {
  for (const match of text.matchAll(RUN)) {
    const run = match[0];
    const base = match.index;
    if (matcher.numeric.has(run) && isNumericLeak(text, base, base + run.length)) found.add(run);
    // Every part boundary of the run is a place an id may start.
    let at = 0;
    while (at < run.length) {
      const part = firstPart(run, at);
      if (matcher.parts.has(part)) found.add(part);
      for (const id of matcher.compound.get(part) ?? []) {
        const start = base + at;
        const end = start + id.length;
        if (!found.has(id) && text.startsWith(id, start) && isBoundary(charBefore(text, end), charAt(text, end)))
          found.add(id);
      }
      at += part.length;
    }
  }
  // Ids that start with CJK or a symbol: plain search, no Latin letter or digit beside them.
  for (const id of matcher.compound.get('') ?? []) {
    if (found.has(id)) continue;
    for (let at = text.indexOf(id); at >= 0; at = text.indexOf(id, at + 1)) {
      const end = at + id.length;
      if (isBoundary(charBefore(text, at), charAt(text, at)) && isBoundary(charBefore(text, end), charAt(text, end))) {
        found.add(id);
        break;
      }
    }
  }
}

/** The distinct ids of `matcher` that occur in `text`, as written or unescaped. */
export function findLeaks(text: string, matcher: IdMatcher): string[] {
  const found = new Set<string>();
  findIn(text, matcher, found);
  if (/&#?\w+;|\\u[0-9a-fA-F]{4}/.test(text)) findIn(unescapeText(text), matcher, found);
  return [...found];
}

/** Whether `id` is one run of letters and digits (used to tell product words apart). */
export function isSingleRun(id: string): boolean {
  return SINGLE_RUN.test(id);
}
