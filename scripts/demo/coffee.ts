/**
 * A coffee chain's purchases for six months before and six months after it
 * launched an ordering app. Repurchase gaps are log-normal; app users return
 * sooner, so the median gap shortens from about 30 to about 18 days, echoing
 * the Starbucks figure in the source deck. Demo data, not Starbucks data.
 *
 * Columns: customer_id,timestamp,event,channel,segment,value (+08:00 instants).
 */
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  customerId,
  isoShanghai,
  money,
  shanghaiDay,
  sortedCsv,
  type Row,
} from './format.ts';
import type { Random } from './random.ts';

export interface CoffeePeriod {
  idPrefix: string;
  firstDay: string;
  days: number;
  customers: number;
  /** Share of customers using the app. */
  appShare: number;
  /** Median gap between purchases, in days, for app users and others. */
  medianGapDays: { app: number; store: number };
}

export const COFFEE_BEFORE: CoffeePeriod = {
  idPrefix: 'CB',
  firstDay: '2025-11-01',
  days: 181,
  customers: 600,
  appShare: 0,
  medianGapDays: { app: 33, store: 33 },
};
export const COFFEE_AFTER: CoffeePeriod = {
  idPrefix: 'CA',
  firstDay: '2026-05-01',
  days: 184,
  customers: 600,
  appShare: 0.65,
  medianGapDays: { app: 17, store: 29 },
};

export function coffeeLog(random: Random, period: CoffeePeriod): string {
  const rows: Row[] = [];
  let order = 0;
  const start = shanghaiDay(period.firstDay);
  const end = start + period.days * DAY_MS;
  for (let index = 1; index <= period.customers; index++) {
    const id = customerId(period.idPrefix, index);
    const segment = random.weighted([
      ['commuter', 45],
      ['office', 35],
      ['weekend', 20],
    ] as const);
    const usesApp = random.chance(period.appShare);
    const medianGap = usesApp ? period.medianGapDays.app : period.medianGapDays.store;
    let day = start + random.int(0, 119) * DAY_MS;
    while (day < end) {
      const ms = day + random.int(7, 20) * HOUR_MS + random.int(0, 59) * MINUTE_MS;
      if (ms >= end) break;
      const channel = usesApp && random.chance(0.8) ? 'app' : 'store';
      rows.push({
        ms,
        order: order++,
        fields: [id, isoShanghai(ms), 'purchase', channel, segment, money(24 + 22 * random.next())],
      });
      // A log-normal gap whose median is `medianGap` days, at least one day.
      const gapDays = Math.max(1, Math.round(medianGap * Math.exp(0.5 * random.normal())));
      day += gapDays * DAY_MS;
    }
  }
  return sortedCsv(['customer_id', 'timestamp', 'event', 'channel', 'segment', 'value'], rows);
}
