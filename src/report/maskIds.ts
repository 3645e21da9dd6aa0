/**
 * Masking for anything a build prints (spec §10: no customer id in any output,
 * logs included): an id shows its first two characters only.
 *
 * @example
 *   maskId('u1000011'); // 'u1******'
 *   maskQuotedValues('a.csv:3:timestamp: not a timestamp ("u1000012") — ...'); // '... ("u1******") — ...'
 */

/** Shows the first two characters of an id and hides the rest. */
export function maskId(id: string): string {
  const chars = [...id];
  return chars.slice(0, 2).join('') + '*'.repeat(Math.max(1, chars.length - 2));
}

/** A value a data issue quotes from the file: `("…")`, as `quoteValue` writes it. */
const QUOTED_VALUE = /\(("(?:[^"\\]|\\.)*")\)/g;

/**
 * Data issues (src/analytics/load/issues.ts) with every value they quote from the
 * file masked: any of them can be a customer id (a row quoted whole, an id in the
 * timestamp column), so a build log shows none whole. Empty values stay as they are.
 */
export function maskQuotedValues(issues: string): string {
  return issues.replace(QUOTED_VALUE, (whole, quoted: string) => {
    const value = JSON.parse(quoted) as string;
    return value === '' ? whole : `(${JSON.stringify(maskId(value))})`;
  });
}

/** The note under masked issues, saying where to see the values. */
export const MASKED_NOTE = '(values quoted from the data are masked here; `journey check FILE` shows them whole)';
