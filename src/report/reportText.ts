/**
 * Numbers written into a report's prose, formatted by the charts' `format.ts`
 * and suppressed by `analyses/suppress.ts`, like the charts: a count under k is `< k`, and a rate over fewer than
 * k customers is a dash (spec §10). Use these, never a typed-in figure, so
 * every number in the text comes from the data.
 *
 * @example
 *   // in an MDX report: 开户成功率为 {percentText(steps[4].conversion_from_start, 'zh')}
 *   countText(3, 5, 'en'); // '< 5'
 */
import { countOrSuppressed } from '../analytics/analyses/suppress.ts';
import { formatCount, formatMoney, formatNumber, formatPercent, MISSING } from '../charts/format.ts';
import type { SourceCleaning } from './openReport.ts';
import type { Lang } from '../i18n/locales.ts';

/** A whole number of customers, or `< k` under k. */
export function countText(customers: number, k: number, lang: Lang): string {
  return countOrSuppressed(customers, k, (value) => formatCount(value, lang));
}

/** A rate as a percentage with one decimal; a dash when it is null or rests on fewer than k customers. */
export function percentText(rate: number | null, lang: Lang, base?: { customers: number; k: number }): string {
  if (base && base.customers < base.k) return MISSING;
  return formatPercent(rate, lang, 1);
}

/** A difference of two rates in percentage points, signed: `+24.3 个百分点` / `+24.3 points`. */
export function pointsText(difference: number, lang: Lang): string {
  // Prose keeps the ASCII sign and a sign on zero (`+0.0`), unlike the charts' `−`.
  const sign = difference < 0 || Object.is(difference, -0) ? '-' : '+';
  const points = `${sign}${formatNumber(Math.abs(difference) * 100, lang, 1)}`;
  return lang === 'zh' ? `${points} 个百分点` : `${points} points`;
}

/** A duration in days with at most one decimal (3.5, 3). */
export function daysText(seconds: number | null, lang: Lang): string {
  if (seconds === null) return MISSING;
  const days = formatNumber(seconds / 86_400, lang, 1).replace(/\.0$/, '');
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

/**
 * The data note's cleaning sentence, per source: rows kept, invalid rows skipped
 * and duplicates dropped (counts of rows, not customers, so never suppressed).
 *
 * @example
 *   cleaningText([{ source: 'e.csv', rows: 2929, skipped: 3, duplicatesDropped: 2 }], 'en');
 *   // 'Cleaning, per source: e.csv: 2,929 rows kept, 3 invalid rows skipped, 2 duplicate rows dropped.'
 */
export function cleaningText(cleaning: readonly SourceCleaning[], lang: Lang): string {
  const count = (n: number) => formatCount(n, lang);
  if (lang === 'zh') {
    const parts = cleaning.map(
      (entry) =>
        `${entry.source} 保留 ${count(entry.rows)} 行，跳过 ${count(entry.skipped)} 行无效数据，去除 ${count(entry.duplicatesDropped)} 行重复`,
    );
    return `各数据源的清洗：${parts.join('；')}。`;
  }
  const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;
  const parts = cleaning.map(
    (entry) =>
      `${entry.source}: ${plural(entry.rows, 'row', 'rows')} kept, ${plural(entry.skipped, 'invalid row', 'invalid rows')} skipped, ${plural(entry.duplicatesDropped, 'duplicate row', 'duplicate rows')} dropped`,
  );
  return `Cleaning, per source: ${parts.join('; ')}.`;
}
