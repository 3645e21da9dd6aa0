/**
 * Finds customer ids in text, as whole tokens, for the privacy scan (spec §10).
 *
 * The rule. A token is a run of letters, digits and `_` (Han, kana and hangul
 * excluded: Chinese has no spaces, so each of those characters stands alone),
 * followed by any `.digits` parts (so `456789` inside `123.456789` is not a
 * token). An id leaks when it equals a token, or, for an id holding other
 * characters (`cust-0001`, `a@b.cn`, `张伟`), when it occurs with no letter,
 * digit or `_` right before or after it. Ids too short to tell apart from
 * ordinary numbers and words are not scanned and are counted instead: fewer
 * than 4 characters, or only digits and fewer than 6 of them.
 *
 * @example
 *   const matcher = createIdMatcher(['BB0313', 'cust-0001']);
 *   findLeaks('<td>BB0313</td> BB03130', matcher); // ['BB0313']
 */

const WORD = /[[\p{L}\p{N}_]--[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]]/v;
const TOKEN = /[[\p{L}\p{N}_]--[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]]+(?:\.\p{N}+)*/gv;
const SINGLE_TOKEN = /^[[\p{L}\p{N}_]--[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]]+$/v;

export const MIN_ID_LENGTH = 4;
export const MIN_NUMERIC_ID_LENGTH = 6;

export interface IdMatcher {
  /** Ids that are one token: found by set lookup. */
  tokens: Set<string>;
  /** Other ids, by their leading token ('' when they start with a non-word character). */
  compound: Map<string, string[]>;
  /** Ids too short to scan. */
  unscanned: string[];
}

/** Whether an id is long enough to be told apart from numbers and words. */
export function isScannable(id: string): boolean {
  const length = [...id].length;
  if (/^\d+$/.test(id)) return length >= MIN_NUMERIC_ID_LENGTH;
  return length >= MIN_ID_LENGTH;
}

export function createIdMatcher(ids: Iterable<string>): IdMatcher {
  const matcher: IdMatcher = { tokens: new Set(), compound: new Map(), unscanned: [] };
  for (const raw of ids) {
    const id = raw.trim();
    if (id === '') continue;
    if (!isScannable(id)) {
      matcher.unscanned.push(id);
      continue;
    }
    if (SINGLE_TOKEN.test(id)) {
      matcher.tokens.add(id);
      continue;
    }
    const lead = WORD.test(id[0]!) ? (new RegExp(TOKEN.source, 'v').exec(id)?.[0] ?? '') : '';
    const list = matcher.compound.get(lead) ?? [];
    list.push(id);
    matcher.compound.set(lead, list);
  }
  return matcher;
}

function isWordAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.codePointAt(index)!;
  return WORD.test(String.fromCodePoint(code));
}

/** Whether `id` at `start` stands alone: no word character just before or after it. */
function standsAlone(text: string, start: number, id: string): boolean {
  const end = start + id.length;
  const before = start > 0 && isWordAt(text, start - (start >= 2 && /[\uDC00-\uDFFF]/.test(text[start - 1]!) ? 2 : 1));
  return !before && !isWordAt(text, end);
}

/** The distinct ids of `matcher` that occur in `text`, in order of first occurrence. */
export function findLeaks(text: string, matcher: IdMatcher): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (matcher.tokens.has(token)) found.add(token);
    const candidates = matcher.compound.get(token.split('.')[0]!) ?? matcher.compound.get(token);
    if (candidates) {
      for (const id of candidates) {
        if (!found.has(id) && text.startsWith(id, match.index) && standsAlone(text, match.index, id)) found.add(id);
      }
    }
  }
  // Ids that start with a non-word character (a Chinese name, "@handle"): plain search.
  for (const id of matcher.compound.get('') ?? []) {
    if (found.has(id)) continue;
    for (let at = text.indexOf(id); at >= 0; at = text.indexOf(id, at + 1)) {
      if (standsAlone(text, at, id)) {
        found.add(id);
        break;
      }
    }
  }
  return [...found];
}
