/**
 * Small, hand-checkable analysis results for the chart tests: a 12-customer
 * web log (with a hostile event name) run through src/analytics, plus
 * hand-written results where a shape is easier typed than generated.
 */
import { eventTable } from '../../src/analytics/events.ts';
import { compareFunnels, type FunnelComparisonTests } from '../../src/analytics/analyses/compareFunnels.ts';
import { funnel, type FunnelResult } from '../../src/analytics/analyses/funnel.ts';
import { prioritiseOpportunities } from '../../src/analytics/analyses/opportunities.ts';
import { paths } from '../../src/analytics/analyses/paths.ts';
import { retention } from '../../src/analytics/analyses/retention.ts';
import { satisfaction } from '../../src/analytics/analyses/satisfaction.ts';
import { whatIf } from '../../src/analytics/analyses/whatIf.ts';

export const HOSTILE = '<img src=x onerror=alert(1)>';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 8, 7); // a Monday

/** Customer i's events: how far they get (1 visit .. 4 purchase), on day `day`. */
const plan: { reach: number; day: number; channel: string; hostile: boolean; score: number | null }[] = [
  { reach: 4, day: 0, channel: 'web', hostile: false, score: 5 },
  { reach: 4, day: 0, channel: 'app', hostile: true, score: 4 },
  { reach: 4, day: 1, channel: 'web', hostile: false, score: 2 },
  { reach: 3, day: 2, channel: 'web', hostile: true, score: 3 },
  { reach: 3, day: 7, channel: 'app', hostile: false, score: null },
  { reach: 3, day: 8, channel: 'web', hostile: false, score: 4 },
  { reach: 2, day: 8, channel: 'app', hostile: true, score: 1 },
  { reach: 2, day: 9, channel: 'web', hostile: false, score: 5 },
  { reach: 2, day: 14, channel: 'web', hostile: false, score: null },
  { reach: 1, day: 14, channel: 'app', hostile: false, score: null },
  { reach: 1, day: 15, channel: 'web', hostile: false, score: 3 },
  { reach: 1, day: 16, channel: 'web', hostile: false, score: null },
];

function webTable() {
  const columns = {
    customer_id: [] as string[],
    timestamp: [] as number[],
    event: [] as string[],
    stage: [] as string[],
    channel: [] as string[],
    satisfaction: [] as (number | null)[],
    value: [] as (number | null)[],
  };
  const push = (
    id: string,
    ms: number,
    event: string,
    stage: string,
    channel: string,
    score: number | null,
    value: number | null,
  ) => {
    columns.customer_id.push(id);
    columns.timestamp.push(ms);
    columns.event.push(event);
    columns.stage.push(stage);
    columns.channel.push(channel);
    columns.satisfaction.push(score);
    columns.value.push(value);
  };
  plan.forEach((customer, index) => {
    const id = `c${index + 1}`;
    let t = T0 + customer.day * DAY + index * 60_000;
    const step = (event: string, stage: string, score: number | null = null, value: number | null = null) => {
      push(id, t, event, stage, customer.channel, score, value);
      t += 120_000;
    };
    step('visit', 'browse', customer.score === null ? null : Math.max(1, customer.score - 1));
    if (customer.hostile) step(HOSTILE, 'browse');
    if (customer.reach >= 2) step('view_product', 'browse');
    if (customer.reach >= 3) step('add_to_cart', 'buy', customer.score);
    if (customer.reach >= 4) step('purchase', 'buy', null, 100 + index * 10);
    // Returning visitors, for retention: customers 1-4 come back a week later.
    if (index < 4) {
      t = T0 + (customer.day + 7) * DAY;
      step('visit', 'browse');
    }
  });
  return eventTable(columns);
}

export const table = webTable();
export const STEPS = 'visit,view_product,add_to_cart,purchase';
export const funnelResult = funnel(table, { steps: STEPS });
export const breakdownResult = funnel(table, { steps: STEPS, by: 'channel' });
export const pathsResult = paths(table, { depth: 4 });
export const retentionResult = retention(table, { period: 'week' });
export const satisfactionResult = satisfaction(table, { scale: 5 });
export const whatIfResult = whatIf(table, { steps: STEPS, step: 4, uplift: 0.5 });

/** Before/after: the same funnel with more customers at every step after, and their tests. */
const comparisonPeriods = { before: handFunnel([200, 120, 60, 20]), after: handFunnel([210, 130, 70, 35]) };
export const comparisonInput: { before: FunnelResult; after: FunnelResult; tests: FunnelComparisonTests } = {
  ...comparisonPeriods,
  tests: compareFunnels(comparisonPeriods),
};

export function handFunnel(
  customers: number[],
  names = ['visit', 'view_product', 'add_to_cart', 'purchase'],
): FunnelResult {
  return {
    mode: 'ordered',
    window_seconds: 1_209_600,
    steps: customers.map((count, index) => ({
      step: index + 1,
      name: names[index]!,
      customers: count,
      conversion_from_start: count / customers[0]!,
      conversion_from_previous: index === 0 ? 1 : count / customers[index - 1]!,
      dropped: index === 0 ? 0 : customers[index - 1]! - count,
      median_seconds_from_previous: index === 0 ? null : 60 * index,
      mean_seconds_from_previous: index === 0 ? null : 90 * index,
    })),
    breakdown: [],
  };
}

export const opportunitiesResult = prioritiseOpportunities([
  { name: 'One-page checkout', impact: 4, effort: 2, reach: 1200, confidence: 0.8 },
  { name: 'Show shipping early', impact: 3, effort: 1, reach: 900, confidence: 0.9 },
  { name: 'New payment app', impact: 5, effort: 5, reach: 400, confidence: 0.5 },
  { name: HOSTILE, impact: 2, effort: 4, reach: 100, confidence: 0.6 },
]);
