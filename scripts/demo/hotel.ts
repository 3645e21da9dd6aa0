/**
 * Hotel stays with a post-stay survey scored 0-10 for each touchpoint and
 * for the stay as a whole. Before: check-out at the front desk with queues
 * and bill surprises. After: express check-out in the app with the bill sent
 * the evening before. Some guests book again within 60 days.
 *
 * Columns: customer_id,timestamp,event,stage,channel,satisfaction (+08:00 instants).
 */
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  customerId,
  isoShanghai,
  score,
  shanghaiDay,
  sortedCsv,
  type Row,
} from './format.ts';
import type { Random } from './random.ts';

export interface HotelPeriod {
  idPrefix: string;
  firstDay: string;
  days: number;
  guests: number;
  /** Share of guests who check out in the app. */
  expressCheckout: number;
  /** Mean check-out score at the front desk. */
  deskCheckoutMean: number;
  /** Probability of booking again within 60 days, before the stay's overall score is taken into account. */
  rebookBase: number;
}

export const HOTEL_BEFORE: HotelPeriod = {
  idPrefix: 'HB',
  firstDay: '2026-04-01',
  days: 30,
  guests: 600,
  expressCheckout: 0,
  deskCheckoutMean: 5.4,
  rebookBase: 0.13,
};
export const HOTEL_AFTER: HotelPeriod = {
  idPrefix: 'HA',
  firstDay: '2026-08-01',
  days: 31,
  guests: 600,
  expressCheckout: 0.7,
  deskCheckoutMean: 6.8,
  rebookBase: 0.13,
};

export function hotelLog(random: Random, period: HotelPeriod): string {
  const rows: Row[] = [];
  let order = 0;
  for (let index = 1; index <= period.guests; index++) {
    const id = customerId(period.idPrefix, index);
    const answers = random.chance(0.65);
    const scoreAround = (mean: number) => (answers ? score(mean + 1.5 * random.normal(), 0, 10) : undefined);
    let ms =
      shanghaiDay(period.firstDay) +
      random.int(0, period.days - 1) * DAY_MS +
      random.int(9, 22) * HOUR_MS +
      random.int(0, 59) * MINUTE_MS;
    const push = (event: string, stage: string, channel: string, satisfaction?: number) =>
      rows.push({ ms, order: order++, fields: [id, isoShanghai(ms), event, stage, channel, satisfaction] });

    const bookingChannel = random.weighted([
      ['app', 30],
      ['web', 30],
      ['ota', 40],
    ] as const);
    push('booking', 'booking', bookingChannel, scoreAround(8.2));
    ms += random.int(2, 20) * DAY_MS;
    push('check_in', 'arrival', 'front_desk', scoreAround(7.6));
    ms += random.int(1, 3) * HOUR_MS;
    push('room', 'stay', 'room', scoreAround(8.1));
    ms += random.int(12, 16) * HOUR_MS;
    push('breakfast', 'stay', 'restaurant', scoreAround(7.8));
    ms += random.int(1, 3) * HOUR_MS + random.int(0, 59) * MINUTE_MS;
    const express = random.chance(period.expressCheckout);
    const checkoutMean = express ? 8.7 : period.deskCheckoutMean;
    push('check_out', 'departure', express ? 'app' : 'front_desk', scoreAround(checkoutMean));
    // The last impression weighs on the whole stay (peak-end): the overall score follows check-out.
    const overallMean = 5.2 + 0.35 * checkoutMean;
    ms += random.int(2, 30) * HOUR_MS;
    const overall = scoreAround(overallMean);
    push('overall', 'after_stay', 'survey', overall);
    const rebook = period.rebookBase + 0.09 * (overallMean - 7);
    if (random.chance(rebook)) {
      ms += random.int(5, 60) * DAY_MS;
      push('booking', 'booking', random.chance(0.6) ? 'app' : bookingChannel);
    }
  }
  return sortedCsv(['customer_id', 'timestamp', 'event', 'stage', 'channel', 'satisfaction'], rows);
}
