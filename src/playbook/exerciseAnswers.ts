/**
 * Worked answers to the chapters' exercises that ask for a number, computed
 * at build time from data/demo/ with the same analyses as the charts (never
 * typed in), and formatted in the page's language. An MDX chapter awaits its
 * answer in its frontmatter scope and writes the sentences around the figures
 * inside <Answer>.
 *
 * @example
 *   export const answer = await funnelsAnswer('en');
 *   <Answer>Mobile abandonment: {answer.mobile.abandonment} …</Answer>
 */
import { compareRates } from '../analytics/analyses/compareRates.ts';
import { funnel, type FunnelResult } from '../analytics/analyses/funnel.ts';
import { paths } from '../analytics/analyses/paths.ts';
import { satisfaction } from '../analytics/analyses/satisfaction.ts';
import { whatIf } from '../analytics/analyses/whatIf.ts';
import { labelOf, stepLabelOf, type DataLabels } from '../analytics/dataLabels.ts';
import { readLabels } from '../analytics/load/labels.ts';
import {
  formatCount,
  formatNumber,
  formatPercent,
  formatPoints,
  formatPValue,
  formatSignedPercent,
} from '../charts/format.ts';
import { loadEventsCached, resolveDataPath } from '../components/chartData.ts';
import type { Lang } from '../i18n/locales.ts';

const DEMO = {
  retailBefore: 'data/demo/retail-checkout-before.csv',
  retailAfter: 'data/demo/retail-checkout-after.csv',
  ecommerceBefore: 'data/demo/ecommerce-payment-before.csv',
  ecommerceAfter: 'data/demo/ecommerce-payment-after.csv',
  hotelBefore: 'data/demo/hotel-stays-before.csv',
  hotelAfter: 'data/demo/hotel-stays-after.csv',
  labels: 'data/demo/labels.json',
} as const;

/** The funnels as the chapters' charts define them. */
const RETAIL_STEPS = 'visit,view_product,add_to_cart,checkout,purchase';
const PAYMENT_STEPS = 'browse,add_to_cart,confirm_order,payment_page,payment_success';

const tableOf = async (file: string) => (await loadEventsCached(file, {})).table;
let labelsRead: Promise<DataLabels> | undefined;
const demoLabels = () => (labelsRead ??= readLabels(resolveDataPath(DEMO.labels)));

/** A step's figures, required: the answers index steps the funnels define. */
function stepOf(result: { steps: FunnelResult['steps'] }, index: number) {
  const step = result.steps[index];
  if (!step) throw new Error(`exercise answer: the funnel has no step ${index + 1}`);
  return step;
}

/** Customers at checkout and purchase of one retail funnel (or bucket), and the abandonment between them. */
function checkoutFigures(steps: FunnelResult['steps'], lang: Lang) {
  const checkout = stepOf({ steps }, 3).customers;
  const bought = stepOf({ steps }, 4).customers;
  return {
    checkout,
    bought,
    rate: bought / checkout,
    text: {
      checkout: formatCount(checkout, lang),
      bought: formatCount(bought, lang),
      abandonment: formatPercent(1 - bought / checkout, lang),
    },
  };
}

/** Funnels chapter: checkout abandonment by channel; mobile buyers if mobile abandoned like desktop. */
export async function funnelsAnswer(lang: Lang) {
  const result = funnel(await tableOf(DEMO.retailBefore), { steps: RETAIL_STEPS, by: 'channel' });
  const bucket = (value: string) => {
    const found = result.breakdown.find((b) => b.value === value);
    if (!found) throw new Error(`exercise answer: no "${value}" bucket in the retail breakdown`);
    return checkoutFigures(found.steps, lang);
  };
  const mobile = bucket('mobile');
  const desktop = bucket('desktop');
  const extra = Math.round(mobile.checkout * desktop.rate - mobile.bought);
  const labels = await demoLabels();
  return {
    mobile: mobile.text,
    desktop: desktop.text,
    mobileLabel: labelOf(labels, 'channel', 'mobile', lang),
    desktopLabel: labelOf(labels, 'channel', 'desktop', lang),
    desktopConversion: formatPercent(desktop.rate, lang),
    extra: formatCount(extra, lang),
  };
}

/** Analyse chapter: the step with the largest proportional loss, and checkout abandonment per channel. */
export async function analyseAnswer(lang: Lang) {
  const result = funnel(await tableOf(DEMO.retailBefore), { steps: RETAIL_STEPS });
  const later = result.steps.slice(1);
  const worst = later.reduce((a, b) => ((b.conversion_from_previous ?? 1) < (a.conversion_from_previous ?? 1) ? b : a));
  const most = later.reduce((a, b) => (b.dropped > a.dropped ? b : a));
  const labels = await demoLabels();
  return {
    mostStep: stepLabelOf(labels, most.name, lang),
    mostDropped: formatCount(most.dropped, lang),
    worstStep: stepLabelOf(labels, worst.name, lang),
    previousStep: stepLabelOf(labels, stepOf(result, worst.step - 2).name, lang),
    worstLoss: formatPercent(1 - (worst.conversion_from_previous ?? 1), lang),
    worstDropped: formatCount(worst.dropped, lang),
    channels: await funnelsAnswer(lang),
  };
}

/** Retail case: each step's conversion from the previous one, September and October; the least changed. */
export async function retailCheckoutAnswer(lang: Lang) {
  const spec = { steps: RETAIL_STEPS };
  const before = funnel(await tableOf(DEMO.retailBefore), spec);
  const after = funnel(await tableOf(DEMO.retailAfter), spec);
  const labels = await demoLabels();
  const rows = before.steps.slice(1).map((step, index) => {
    const then = step.conversion_from_previous ?? 0;
    const now = stepOf(after, index + 1).conversion_from_previous ?? 0;
    return {
      step: stepLabelOf(labels, step.name, lang),
      before: formatPercent(then, lang),
      after: formatPercent(now, lang),
      change: formatPoints(now - then, lang),
      size: Math.abs(now - then),
    };
  });
  const least = rows.reduce((a, b) => (b.size < a.size ? b : a));
  return { rows, least: least.step, leastChange: least.change };
}

/** Paths chapter: the share of sessions reaching checkout whose next event is shipping_info. */
export async function pathsAnswer(lang: Lang) {
  const result = paths(await tableOf(DEMO.retailBefore), { start: 'checkout', depth: 3, top: null });
  const sessions = result.paths.reduce((sum, row) => sum + row.sessions, 0);
  const band = result.edges.find((e) => e.position === 1 && e.source === 'checkout' && e.target === 'shipping_info');
  const taking = band?.sessions ?? 0;
  const labels = await demoLabels();
  return {
    sessions: formatCount(sessions, lang),
    taking: formatCount(taking, lang),
    share: formatPercent(taking / sessions, lang, 0),
    checkout: labelOf(labels, 'event', 'checkout', lang),
    shippingInfo: labelOf(labels, 'event', 'shipping_info', lang),
  };
}

/** Hotel case: check-in NPS in April and August (check-in was not changed). */
export async function hotelCheckoutAnswer(lang: Lang) {
  const scores = async (file: string) => {
    const rows = satisfaction(await tableOf(file), {}).by_event;
    const row = (name: string) => {
      const found = rows.find((r) => r.name === name);
      if (!found || found.nps === undefined) throw new Error(`exercise answer: no NPS for "${name}" in ${file}`);
      return { nps: found.nps, count: found.count };
    };
    return { checkIn: row('check_in'), checkOut: row('check_out') };
  };
  const before = await scores(DEMO.hotelBefore);
  const after = await scores(DEMO.hotelAfter);
  const nps = (value: number | null) => (value === null ? '–' : formatNumber(value, lang, 0));
  const move = (from: number | null, to: number | null) => {
    if (from === null || to === null) return '–';
    const size = formatNumber(Math.abs(to - from), lang, 0);
    return to > from ? `+${size}` : to < from ? `−${size}` : size;
  };
  return {
    checkInMove: move(before.checkIn.nps, after.checkIn.nps),
    checkOutMove: move(before.checkOut.nps, after.checkOut.nps),
    checkInBefore: nps(before.checkIn.nps),
    checkInAfter: nps(after.checkIn.nps),
    checkInScoresBefore: formatCount(before.checkIn.count, lang),
    checkInScoresAfter: formatCount(after.checkIn.count, lang),
    checkOutBefore: nps(before.checkOut.nps),
    checkOutAfter: nps(after.checkOut.nps),
  };
}

/** The e-commerce payment step (payment page -> payment success), July and after the change. */
async function paymentStep() {
  const spec = { steps: PAYMENT_STEPS };
  const step = (result: FunnelResult) => ({ successes: stepOf(result, 4).customers, n: stepOf(result, 3).customers });
  const before = step(funnel(await tableOf(DEMO.ecommerceBefore), spec));
  const after = step(funnel(await tableOf(DEMO.ecommerceAfter), spec));
  return { before, after, comparison: compareRates({ before, after }) };
}

/** Measuring change: the payment step's difference, SE, z and 95% interval, by hand. */
export async function measuringChangeAnswer(lang: Lang) {
  const { before, after, comparison: c } = await paymentStep();
  const fraction = (value: number, digits = 3) => formatNumber(value, lang, digits);
  return {
    before: { successes: formatCount(before.successes, lang), n: formatCount(before.n, lang) },
    after: { successes: formatCount(after.successes, lang), n: formatCount(after.n, lang) },
    p1: fraction(c.before.rate),
    p2: fraction(c.after.rate),
    difference: fraction(c.difference),
    differencePoints: formatPoints(c.difference, lang),
    se: fraction(c.se, 4),
    z: c.z === null ? '–' : formatNumber(c.z, lang, 2),
    pValue: formatPValue(c.p_value, lang),
    ciLow: formatPoints(c.ci_low, lang),
    ciHigh: formatPoints(c.ci_high, lang),
    lift: formatSignedPercent(c.lift, lang, 0),
  };
}

/** E-commerce case: extra paying customers after the change, against the what-if projection. */
export async function ecommercePaymentAnswer(lang: Lang) {
  const { after, comparison: c } = await paymentStep();
  const extra = Math.round(after.n * c.difference);
  const projection = whatIf(await tableOf(DEMO.ecommerceBefore), {
    steps: PAYMENT_STEPS,
    step: 5,
    uplift: 0.2,
    purchase_event: 'payment_success',
  });
  return {
    afterN: formatCount(after.n, lang),
    p1: formatPercent(c.before.rate, lang),
    p2: formatPercent(c.after.rate, lang),
    extra: formatCount(extra, lang),
    projected: formatCount(Math.round(projection.additional_customers), lang),
    lift: formatSignedPercent(c.lift, lang, 0),
  };
}
