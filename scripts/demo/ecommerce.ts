/**
 * Marketplace app whose payment step loses many customers, worst in the
 * mini-program where only one payment method was offered. After: more
 * payment methods and a clearer payment page.
 *
 * Columns: customer_id,timestamp,event,channel,segment,value (UTC instants).
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, customerId, isoUtc, money, sortedCsv, utcDay, type Row } from './format.ts';
import type { Random } from './random.ts';

type EcommerceChannel = 'app' | 'mini_program' | 'web';

export interface EcommercePeriod {
  idPrefix: string;
  firstDay: string;
  days: number;
  customers: number;
  /** Probability of a successful payment once on the payment page, by channel. */
  paySuccess: Record<EcommerceChannel, number>;
}

export const ECOMMERCE_BEFORE: EcommercePeriod = {
  idPrefix: 'EB',
  firstDay: '2026-07-01',
  days: 31,
  customers: 1000,
  paySuccess: { app: 0.7, mini_program: 0.45, web: 0.62 },
};

export const ECOMMERCE_AFTER: EcommercePeriod = {
  idPrefix: 'EA',
  firstDay: '2026-08-15',
  days: 31,
  customers: 1000,
  paySuccess: { app: 0.8, mini_program: 0.74, web: 0.76 },
};

export function ecommerceLog(random: Random, period: EcommercePeriod): string {
  const rows: Row[] = [];
  let order = 0;
  for (let index = 1; index <= period.customers; index++) {
    const id = customerId(period.idPrefix, index);
    const channel = random.weighted<EcommerceChannel>([
      ['app', 35],
      ['mini_program', 40],
      ['web', 25],
    ]);
    const segment = random.chance(0.45) ? 'returning' : 'new';
    let ms =
      utcDay(period.firstDay) +
      random.int(0, period.days - 1) * DAY_MS +
      random.int(1, 15) * HOUR_MS +
      random.int(0, 59) * MINUTE_MS;
    const push = (event: string, value?: string) =>
      rows.push({ ms, order: order++, fields: [id, isoUtc(ms), event, channel, segment, value] });
    const step = (minSeconds: number, maxSeconds: number) => (ms += random.int(minSeconds, maxSeconds) * 1000);

    push('browse');
    if (!random.chance(0.78)) continue;
    step(30, 400);
    push('add_to_cart');
    if (!random.chance(0.62)) continue;
    step(20, 240);
    push('confirm_order');
    if (!random.chance(0.84)) continue;
    step(5, 40);
    push('payment_page');
    if (random.chance(period.paySuccess[channel])) {
      step(15, 120);
      push('payment_success', money(40 + 360 * random.next() * random.next()));
    } else if (random.chance(0.5)) {
      step(15, 120);
      push('payment_failed');
    }
  }
  return sortedCsv(['customer_id', 'timestamp', 'event', 'channel', 'segment', 'value'], rows);
}
