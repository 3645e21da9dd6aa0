/**
 * Retail web shop, one month before and one month after a checkout redesign
 * (shipping cost shown on the product page, one-page checkout, more payment
 * methods). The after month abandons checkout less, mostly on mobile.
 *
 * Columns: customer_id,timestamp,event,channel,segment,value (UTC instants).
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, customerId, isoUtc, money, sortedCsv, utcDay, type Row } from './format.ts';
import type { Random } from './random.ts';

export const RETAIL_HEADER = ['customer_id', 'timestamp', 'event', 'channel', 'segment', 'value'] as const;

export interface RetailPeriod {
  idPrefix: string;
  firstDay: string;
  days: number;
  customers: number;
  /** Probability that a customer who starts checkout buys, by channel. */
  buyAfterCheckout: { desktop: number; mobile: number };
  /** Probability that an abandoning customer looked at shipping costs last. */
  shippingSurprise: number;
}

export const RETAIL_BEFORE: RetailPeriod = {
  idPrefix: 'RB',
  firstDay: '2026-09-01',
  days: 30,
  customers: 1500,
  buyAfterCheckout: { desktop: 0.64, mobile: 0.49 },
  shippingSurprise: 0.55,
};

export const RETAIL_AFTER: RetailPeriod = {
  idPrefix: 'RA',
  firstDay: '2026-10-01',
  days: 31,
  customers: 1500,
  buyAfterCheckout: { desktop: 0.74, mobile: 0.66 },
  shippingSurprise: 0.15,
};

/** The event log of one period as CSV text. */
export function retailLog(random: Random, period: RetailPeriod): string {
  const rows: Row[] = [];
  let order = 0;
  for (let index = 1; index <= period.customers; index++) {
    const id = customerId(period.idPrefix, index);
    const channel = random.chance(0.6) ? 'mobile' : 'desktop';
    const segment = random.chance(0.38) ? 'returning' : 'new';
    const hour = random.weighted([
      [9, 1],
      [12, 2],
      [15, 1],
      [19, 3],
      [21, 3],
    ] as const);
    let ms =
      utcDay(period.firstDay) +
      random.int(0, period.days - 1) * DAY_MS +
      (hour - 8) * HOUR_MS +
      random.int(0, 59) * MINUTE_MS;
    const push = (event: string, value?: string) =>
      rows.push({ ms, order: order++, fields: [id, isoUtc(ms), event, channel, segment, value] });
    const step = (minSeconds: number, maxSeconds: number) => (ms += random.int(minSeconds, maxSeconds) * 1000);

    push('visit');
    if (random.chance(0.45)) {
      step(10, 60);
      push('search');
    }
    if (!random.chance(segment === 'returning' ? 0.9 : 0.82)) continue;
    const views = random.weighted([
      [1, 5],
      [2, 3],
      [3, 2],
    ] as const);
    for (let view = 0; view < views; view++) {
      step(15, 150);
      push('view_product');
    }
    if (!random.chance(0.62)) continue;
    step(20, 180);
    push('add_to_cart');
    if (!random.chance(0.72)) continue;
    step(30, 300);
    push('checkout');
    if (!random.chance(period.buyAfterCheckout[channel])) {
      if (random.chance(period.shippingSurprise)) {
        step(20, 90);
        push('shipping_info');
      }
      continue;
    }
    // Some buyers come back another day to pay: time to convert has a long tail.
    if (random.chance(0.15)) {
      step(12 * 3600, 3 * 86400);
      push('visit');
    }
    step(40, 420);
    push('purchase', money(60 + 540 * random.next() * random.next()));
  }
  return sortedCsv(RETAIL_HEADER, rows);
}
