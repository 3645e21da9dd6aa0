/**
 * Numbers, percentages, durations and dates as each page language writes them:
 * zh-CN groups large counts in 万 and 亿 (12.3万), en in k and M (1.2k).
 * Exact counts (tooltips, tables) keep every digit with locale grouping.
 *
 * @example
 *   formatCompact(123_456, 'zh'); // '12.3万'
 *   formatCompact(1_234, 'en');   // '1.2k'
 *   formatPercent(0.4567, 'en');  // '45.7%'
 */
import type { Lang } from '../i18n/locales.ts';

/**
 * The one locale per language for every number the site, the browser script
 * and report prose print. English dates alone read day-first (4 Mar 2024),
 * `DATE_LOCALE` below.
 */
export const LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

/** What a missing figure (null, NaN) shows: an en dash, never 0. */
export const MISSING = '–';

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format;
}

const isMissing = (value: number | null | undefined): value is null | undefined =>
  value === null || value === undefined || Number.isNaN(value);

/** A number with locale grouping and a fixed number of decimals: 12,345.6. */
export function formatNumber(value: number | null | undefined, lang: Lang, digits = 0): string {
  if (isMissing(value)) return MISSING;
  return numberFormat(lang, digits).format(value);
}

/** An exact count of customers, sessions...: every digit, grouped (12,345). */
export function formatCount(value: number | null | undefined, lang: Lang): string {
  return formatNumber(value, lang, Number.isInteger(value) ? 0 : 1);
}

/** A count shortened for axes and labels: 12.3万 / 1.2k; below the unit, exact. */
export function formatCompact(value: number | null | undefined, lang: Lang): string {
  if (isMissing(value)) return MISSING;
  const units: [number, string][] =
    lang === 'zh'
      ? [
          [1e8, '亿'],
          [1e4, '万'],
        ]
      : [
          [1e9, 'B'],
          [1e6, 'M'],
          [1e3, 'k'],
        ];
  const size = Math.abs(value);
  for (const [unit, suffix] of units) {
    if (size >= unit) {
      const scaled = value / unit;
      const digits = Math.abs(scaled) >= 100 ? 0 : 1;
      return trimZero(numberFormat(lang, digits).format(scaled)) + suffix;
    }
  }
  return formatCount(value, lang);
}

const trimZero = (text: string) => text.replace(/\.0$/, '');

/** A rate given as a fraction, as a percentage: 0.4567 -> 45.7%. */
export function formatPercent(rate: number | null | undefined, lang: Lang, digits = 1): string {
  if (isMissing(rate)) return MISSING;
  return `${formatNumber(rate * 100, lang, digits)}%`;
}

/** A signed relative change (lift) as a percentage: 0.123 -> +12.3%. */
export function formatSignedPercent(rate: number | null | undefined, lang: Lang, digits = 1): string {
  if (isMissing(rate)) return MISSING;
  const text = formatPercent(Math.abs(rate), lang, digits);
  return rate > 0 ? `+${text}` : rate < 0 ? `−${text}` : text;
}

/** A difference of two rates in percentage points: 0.021 -> +2.1 pp / +2.1 个百分点. */
export function formatPoints(difference: number | null | undefined, lang: Lang, digits = 1): string {
  if (isMissing(difference)) return MISSING;
  const size = formatNumber(Math.abs(difference) * 100, lang, digits);
  const sign = difference > 0 ? '+' : difference < 0 ? '−' : '';
  return lang === 'zh' ? `${sign}${size} 个百分点` : `${sign}${size} pp`;
}

/** A p-value as analysts write it: p = 0.031, p < 0.001. */
export function formatPValue(p: number | null | undefined, lang: Lang): string {
  if (isMissing(p)) return MISSING;
  return p < 0.001 ? 'p < 0.001' : `p = ${formatNumber(p, lang, 3)}`;
}

/** A duration in seconds with the unit that reads best: 45 s, 12 min, 3.5 h, 2.1 d. */
export function formatDuration(seconds: number | null | undefined, lang: Lang): string {
  if (isMissing(seconds)) return MISSING;
  const units: [number, string, string][] = [
    [86_400, '天', 'd'],
    [3_600, '小时', 'h'],
    [60, '分钟', 'min'],
  ];
  for (const [size, zh, en] of units) {
    if (Math.abs(seconds) >= size)
      return `${trimZero(formatNumber(seconds / size, lang, 1))} ${lang === 'zh' ? zh : en}`;
  }
  return `${formatNumber(seconds, lang, 0)} ${lang === 'zh' ? '秒' : 's'}`;
}

// Day-first English dates (4 Mar 2024, not Mar 4, 2024): the published charts
// and pages have always read so; numbers are the same in en and en-GB.
const DATE_LOCALE: Record<Lang, string> = { zh: LOCALE.zh, en: 'en-GB' };

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: Lang, timeZone: string): Intl.DateTimeFormat {
  const key = `${lang} ${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALE[lang], {
      year: 'numeric',
      month: lang === 'zh' ? 'long' : 'short',
      day: 'numeric',
      timeZone,
    });
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * A calendar day: 2024年3月4日 / 4 Mar 2024. A bare YYYY-MM-DD is that day as
 * written; an instant is the day it falls on in `tz` (the report's zone), so a
 * Shanghai morning is not shown as the previous UTC evening.
 */
export function formatDate(value: string | null | undefined, lang: Lang, tz = 'UTC'): string {
  if (!value) return MISSING;
  const bare = value.length === 10;
  const ms = Date.parse(bare ? `${value}T00:00:00Z` : value);
  return Number.isFinite(ms) ? dateFormat(lang, bare ? 'UTC' : tz).format(ms) : value;
}

/** A date range in the zone `tz`: 2024年3月4日 – 2024年4月1日. */
export function formatDateRange(
  first: string | null | undefined,
  last: string | null | undefined,
  lang: Lang,
  tz = 'UTC',
): string {
  if (!first && !last) return '';
  return `${formatDate(first, lang, tz)} – ${formatDate(last, lang, tz)}`;
}

/** A projected (expected) number of customers: whole, since customers come whole: 50.1 -> 50, 1,234.6 -> 1,235. */
export function formatProjected(value: number | null | undefined, lang: Lang): string {
  if (isMissing(value)) return MISSING;
  return formatNumber(value, lang, 0);
}

/**
 * Money with its currency (an ISO 4217 code): yuan as `1,190 元` in Chinese
 * and `CNY 1,190` in English; other currencies by their symbol (`€1,190`), or
 * their code where the symbol would be ambiguous. Without a currency, the bare number.
 */
export function formatMoney(value: number | null | undefined, lang: Lang, currency?: string, digits = 0): string {
  if (isMissing(value)) return MISSING;
  if (!currency) return formatNumber(value, lang, digits);
  if (currency === 'CNY') {
    const number = formatNumber(value, lang, digits);
    return lang === 'zh' ? `${number} 元` : `CNY ${number}`;
  }
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
    .format(value)
    .replace(/\u00a0/g, ' ');
}
