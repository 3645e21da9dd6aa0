/**
 * Numbers written into a report's prose, formatted like the charts and
 * suppressed like them: a count under k is `< k`, and a rate over fewer than
 * k customers is a dash (spec §10). Use these, never a typed-in figure, so
 * every number in the text comes from the data.
 *
 * @example
 *   // in an MDX report: 开户成功率为 {percentText(steps[4].conversion_from_start, 'zh')}
 *   countText(3, 5, 'en'); // '< 5'
 */
import { formatMoney } from '../charts/format.ts';
import type { Lang } from '../i18n/locales.ts';

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

/** A whole number of customers, or `< k` under k. */
export function countText(customers: number, k: number, lang: Lang): string {
  if (customers < k) return `< ${k}`;
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(customers);
}

/** A rate as a percentage with one decimal; a dash when it is null or rests on fewer than k customers. */
export function percentText(rate: number | null, lang: Lang, base?: { customers: number; k: number }): string {
  if (rate === null || (base && base.customers < base.k)) return '–';
  return new Intl.NumberFormat(locale(lang), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(rate);
}

/** A difference of two rates in percentage points, signed: `+24.3 个百分点` / `+24.3 points`. */
export function pointsText(difference: number, lang: Lang): string {
  const points = new Intl.NumberFormat(locale(lang), {
    signDisplay: 'always',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(difference * 100);
  return lang === 'zh' ? `${points} 个百分点` : `${points} points`;
}

/** A duration in days with one decimal. */
export function daysText(seconds: number | null, lang: Lang): string {
  if (seconds === null) return '–';
  const days = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(seconds / 86_400);
  return lang === 'zh' ? `${days} 天` : `${days} days`;
}

/** Money with its currency, as the figures show it: `1,190 元` (zh, CNY), `CNY 1,190`, `€1,190`. */
export function moneyText(amount: number, currency: string, lang: Lang, digits = 0): string {
  return formatMoney(amount, lang, currency, digits);
}

/** A date range `2026-08-01 – 2026-08-31` in the report's time zone. */
export function periodText(period: { first: number; last: number } | null, timeZone: string, lang: Lang): string {
  if (!period) return '–';
  const day = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'long', timeZone });
  const first = day.format(period.first);
  const last = day.format(period.last);
  return first === last ? first : lang === 'zh' ? `${first}至${last}` : `${first} – ${last}`;
}
