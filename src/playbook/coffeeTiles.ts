/**
 * Headline figures of the coffee demo (before and after the app launch),
 * computed at build time from data/demo/ for <KpiTiles> in the playbook's
 * retention and coffee-case chapters: repurchase gap, frequency, order value,
 * historic CLV and the share of customers buying again within 14 days.
 *
 * @example
 *   export const tiles = await coffeeTiles('en'); // in an MDX chapter
 *   <KpiTiles title="…" tiles={tiles} />
 */
import { funnel } from '../analytics/analyses/funnel.ts';
import { loadEvents } from '../analytics/load/load.ts';
import { value } from '../analytics/analyses/value.ts';
import { journeyCommand } from '../figures/reproduce.ts';
import type { Lang } from '../i18n/locales.ts';

const FILES = {
  before: 'data/demo/coffee-purchases-before.csv',
  after: 'data/demo/coffee-purchases-after.csv',
} as const;
const RETURN_WINDOW = '14d';

const LABELS = {
  gap: { zh: '复购间隔中位数（天）', en: 'Median repurchase gap (days)' },
  frequency: { zh: '人均购买次数', en: 'Purchases per customer' },
  aov: { zh: '客单价', en: 'Average order value' },
  clv: { zh: '历史客户终身价值', en: 'Historic CLV per customer' },
  returned: { zh: '14 天内再次购买的客户占比', en: 'Customers buying again within 14 days' },
} as const;

async function figures(file: string) {
  const { table } = await loadEvents(file);
  const purchases = value(table, {});
  const again = funnel(table, { steps: ['purchase', 'purchase'], window: RETURN_WINDOW });
  return { purchases, returned: again.steps[1]!.customers, buyers: again.steps[0]!.customers };
}

/** The commands printing the tiles' figures (value, and the 14-day return as a two-step funnel), per period. */
export const coffeeReproduce = {
  commands: [FILES.before, FILES.after].flatMap((file) => [
    journeyCommand('value', file),
    journeyCommand('funnel', file, { steps: 'purchase,purchase', window: RETURN_WINDOW }),
  ]),
  files: [FILES.before, FILES.after],
};

let cached: Promise<[Awaited<ReturnType<typeof figures>>, Awaited<ReturnType<typeof figures>>]> | undefined;

/** The KpiTiles `tiles` for the coffee demo, labelled in `lang`. */
export async function coffeeTiles(lang: Lang) {
  cached ??= Promise.all([figures(FILES.before), figures(FILES.after)]);
  const [before, after] = await cached;
  const unit = lang === 'zh' ? '元' : 'CNY';
  return [
    {
      label: LABELS.gap[lang],
      value: after.purchases.repurchase.median_days ?? 0,
      previous: before.purchases.repurchase.median_days ?? undefined,
      format: 'number' as const,
      digits: 1,
      customers: after.purchases.repurchase.customers,
    },
    {
      label: LABELS.frequency[lang],
      value: after.purchases.frequency ?? 0,
      previous: before.purchases.frequency ?? undefined,
      format: 'number' as const,
      digits: 1,
      customers: after.purchases.buyers,
    },
    {
      label: LABELS.aov[lang],
      value: after.purchases.aov ?? 0,
      previous: before.purchases.aov ?? undefined,
      format: 'money' as const,
      digits: 1,
      unit,
      customers: after.purchases.buyers,
    },
    {
      label: LABELS.clv[lang],
      value: after.purchases.clv ?? 0,
      previous: before.purchases.clv ?? undefined,
      format: 'money' as const,
      digits: 0,
      unit,
      customers: after.purchases.buyers,
    },
    {
      label: LABELS.returned[lang],
      value: after.returned / after.buyers,
      previous: before.returned / before.buyers,
      format: 'percent' as const,
      n: after.buyers,
      previousN: before.buyers,
    },
  ];
}
