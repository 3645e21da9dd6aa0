/**
 * Every analysis spec, in one place: a plain JSON-serialisable input object
 * (snake_case, loose: durations as `14d`, steps as `"a,b|c"`), validated and
 * defaulted by zod into a resolved object (camelCase, units in the names).
 * An exported analysis `xxx(table, input)` parses the loose input once with
 * `parseXxxSpec` and hands the resolved spec to `xxxResolved(table, spec)`,
 * which internal callers (other analyses, the CLI, reports, components) use.
 *
 * @example
 *   parseFunnelSpec({ steps: 'visit,add_to_cart|wishlist,purchase', window: '7d' });
 *   // { steps: [{ name: 'visit', events: ['visit'] }, ...], windowSeconds: 604800, mode: 'ordered', by: null }
 */
import { z } from 'zod';
import { parseDurationSeconds } from '../duration.ts';

/** A spec that does not validate; the CLI reports it as a usage error. */
export class SpecError extends Error {
  override name = 'SpecError';
}

/** One funnel step: its display name (`a|b`) and the event names it accepts. */
export interface FunnelStep {
  name: string;
  events: string[];
}

const MAX_STEPS = 30;

function duration(what: string) {
  return z.union([z.string(), z.number()]).transform((value, context) => {
    try {
      return parseDurationSeconds(value, what);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });
}

function toStep(raw: string | string[]): FunnelStep {
  const events = (typeof raw === 'string' ? raw.split('|') : raw).map((name) => name.trim()).filter(Boolean);
  return { name: events.join('|'), events };
}

const stepsSchema = z
  .union([z.string(), z.array(z.union([z.string(), z.array(z.string())]))])
  .transform((value, context) => {
    const raw = typeof value === 'string' ? value.split(',') : value;
    const steps = raw.map(toStep);
    if (steps.some((step) => step.events.length === 0)) {
      context.addIssue({
        code: 'custom',
        message: `invalid steps: ${JSON.stringify(value)} (a step has no event name)`,
      });
      return z.NEVER;
    }
    if (steps.length < 2 || steps.length > MAX_STEPS) {
      context.addIssue({
        code: 'custom',
        message: `invalid steps: ${JSON.stringify(value)} (a funnel needs 2 to ${MAX_STEPS} steps, e.g. "visit,add_to_cart|wishlist,purchase")`,
      });
      return z.NEVER;
    }
    return steps;
  });

const optionalName = z
  .string()
  .nullish()
  .transform((value) => (value === undefined || value === null || value === '' ? null : value));

/** Date.parse rolls 2026-02-30 over to March 2; a date that does not exist is refused instead. */
function hasRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  if (!match) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const instant = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value, context) => {
    if (value === undefined || value === null) return null;
    if (typeof value === 'string' && !hasRealDate(value)) {
      context.addIssue({
        code: 'custom',
        message: `invalid now: ${value} (no such day in the calendar; expected an ISO 8601 instant such as 2026-03-01T00:00:00Z)`,
      });
      return z.NEVER;
    }
    const ms = typeof value === 'number' ? value : Date.parse(value);
    if (!Number.isFinite(ms)) {
      context.addIssue({ code: 'custom', message: `invalid now: ${value} (expected epoch ms or an ISO 8601 instant)` });
      return z.NEVER;
    }
    return ms;
  });

const timeZone = z
  .string()
  .default('UTC')
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'invalid time zone (expected an IANA name such as Asia/Shanghai or UTC)' },
  );

export const FUNNEL_MODES = ['ordered', 'strict', 'unordered'] as const;

const funnelFields = {
  steps: stepsSchema,
  window: duration('window').prefault('14d'),
  mode: z
    .enum(FUNNEL_MODES, {
      error: (issue) => `invalid mode: ${String(issue.input)} (expected ordered, strict or unordered)`,
    })
    .default('ordered'),
};

export const funnelSpecSchema = z
  .object({ ...funnelFields, by: optionalName })
  .transform(({ steps, window, mode, by }) => ({ steps, windowSeconds: window, mode, by }));
export type FunnelSpecInput = z.input<typeof funnelSpecSchema>;
export type FunnelSpec = z.output<typeof funnelSpecSchema>;
export type FunnelMode = FunnelSpec['mode'];

export const pathsSpecSchema = z
  .object({
    start: optionalName,
    end: optionalName,
    // Past 20 nodes a path is unreadable, and engine SQL grows a column per node.
    depth: z.number().int().positive().max(20, 'at most 20 nodes per path').default(5),
    session_gap: duration('session gap').prefault('30m'),
    collapse_repeats: z.boolean().default(true),
    top: z.number().int().positive().nullable().default(20),
    min_sessions: z.number().int().positive().default(1),
    limit: z.number().int().positive().nullable().default(50),
  })
  .transform((spec) => ({
    start: spec.start,
    end: spec.end,
    depth: spec.depth,
    sessionGapSeconds: spec.session_gap,
    collapseRepeats: spec.collapse_repeats,
    top: spec.top,
    minSessions: spec.min_sessions,
    edgeLimit: spec.limit,
  }));
export type PathsSpecInput = z.input<typeof pathsSpecSchema>;
export type PathsSpec = z.output<typeof pathsSpecSchema>;

export const RETENTION_PERIODS = ['day', 'week', 'month'] as const;
export const RETENTION_MODES = ['on', 'on_or_after'] as const;

export const retentionSpecSchema = z
  .object({
    period: z
      .enum(RETENTION_PERIODS, {
        error: (issue) => `invalid period: ${String(issue.input)} (expected day, week or month)`,
      })
      .default('week'),
    start_event: optionalName,
    return_event: optionalName,
    mode: z.enum(RETENTION_MODES).default('on'),
    tz: timeZone,
  })
  .transform((spec) => ({
    period: spec.period,
    startEvent: spec.start_event,
    returnEvent: spec.return_event,
    mode: spec.mode,
    timeZone: spec.tz,
  }));
export type RetentionSpecInput = z.input<typeof retentionSpecSchema>;
export type RetentionSpec = z.output<typeof retentionSpecSchema>;
export type RetentionPeriod = RetentionSpec['period'];

export const valueSpecSchema = z
  .object({ purchase_event: z.string().min(1).default('purchase') })
  .transform((spec) => ({ purchaseEvent: spec.purchase_event }));
export type ValueSpecInput = z.input<typeof valueSpecSchema>;
export type ValueSpec = z.output<typeof valueSpecSchema>;

export const satisfactionSpecSchema = z
  .object({
    scale: z
      .union([z.literal(5), z.literal(10)], {
        error: (issue) =>
          `invalid scale: ${String(issue.input)} (expected 5 for a 1-5 CSAT scale or 10 for a 0-10 NPS scale)`,
      })
      .nullish(),
  })
  .transform((spec) => ({ scale: spec.scale ?? null }));
export type SatisfactionSpecInput = z.input<typeof satisfactionSpecSchema>;
export type SatisfactionSpec = z.output<typeof satisfactionSpecSchema>;

const proportion = z
  .object({ successes: z.number().int().nonnegative(), n: z.number().int().positive() })
  .refine((rate) => rate.successes <= rate.n, { message: 'successes must not exceed n' });

export const compareSpecSchema = z.object({ before: proportion, after: proportion });
export type CompareSpecInput = z.input<typeof compareSpecSchema>;
export type CompareSpec = z.output<typeof compareSpecSchema>;

export const stallsSpecSchema = z
  .object({
    ...funnelFields,
    older_than: duration('older than'),
    now: instant,
    list_customers: z.boolean().default(false),
  })
  .transform((spec) => ({
    steps: spec.steps,
    windowSeconds: spec.window,
    mode: spec.mode,
    olderThanSeconds: spec.older_than,
    nowMs: spec.now,
    listCustomers: spec.list_customers,
  }));
export type StallsSpecInput = z.input<typeof stallsSpecSchema>;
export type StallsSpec = z.output<typeof stallsSpecSchema>;

/** The largest relative uplift: +10,000%, enough to take a 1% conversion to 100%. */
export const MAX_UPLIFT = 100;

/** A relative change of a conversion: above -1 (-100%) and at most MAX_UPLIFT. */
export const upliftSchema = z.number().refine((uplift) => uplift > -1 && uplift <= MAX_UPLIFT, {
  error: (issue) =>
    `invalid uplift: ${String(issue.input)} (expected a relative change above -1 and at most ${MAX_UPLIFT}, e.g. 0.3 for +30%)`,
});

export const whatIfSpecSchema = z
  .object({
    ...funnelFields,
    step: z.number().int().min(2),
    uplift: upliftSchema,
    purchase_event: z.string().min(1).default('purchase'),
  })
  .transform((spec, context) => {
    if (spec.step > spec.steps.length) {
      context.addIssue({
        code: 'custom',
        message: `invalid step: ${spec.step} (the funnel has steps 1 to ${spec.steps.length}; step 1 has no conversion to raise)`,
      });
      return z.NEVER;
    }
    return {
      steps: spec.steps,
      windowSeconds: spec.window,
      mode: spec.mode,
      step: spec.step,
      uplift: spec.uplift,
      purchaseEvent: spec.purchase_event,
    };
  });
export type WhatIfSpecInput = z.input<typeof whatIfSpecSchema>;
export type WhatIfSpec = z.output<typeof whatIfSpecSchema>;

export const SCORE_COLUMNS = ['csat', 'nps', 'satisfaction'] as const;
export type ScoreColumn = (typeof SCORE_COLUMNS)[number];

/** Question names as `a,b,c` or a list; null when none given. */
const questionList = z
  .union([z.string(), z.array(z.string())])
  .nullish()
  .transform((value) => {
    if (value === undefined || value === null) return null;
    const names = (typeof value === 'string' ? value.split(',') : value).map((name) => name.trim()).filter(Boolean);
    return names.length > 0 ? names : null;
  });

export const driversSpecSchema = z
  .object({
    outcome: z.string().trim().min(1, 'invalid outcome: name the journey-level question, e.g. 整体满意度'),
    drivers: questionList,
    score: z
      .enum(SCORE_COLUMNS, {
        error: (issue) => `invalid score: ${String(issue.input)} (expected csat, nps or satisfaction)`,
      })
      .nullish()
      .transform((value) => value ?? null),
    by: z
      .string()
      .nullish()
      .transform((value) => (value ? value : null)),
    k: z.number().int().positive().default(5),
    min_per_driver: z.number().int().positive().default(10),
  })
  .transform((spec, context) => {
    if (spec.drivers?.includes(spec.outcome)) {
      context.addIssue({
        code: 'custom',
        message: `invalid drivers: the outcome ${spec.outcome} cannot also be a driver`,
      });
      return z.NEVER;
    }
    return {
      outcome: spec.outcome,
      drivers: spec.drivers,
      score: spec.score,
      by: spec.by,
      k: spec.k,
      minPerDriver: spec.min_per_driver,
    };
  });
export type DriversSpecInput = z.input<typeof driversSpecSchema>;
export type DriversSpec = z.output<typeof driversSpecSchema>;

export const journeyVsTouchpointsSpecSchema = z
  .object({
    journey_question: z.string().trim().min(1, 'invalid journey_question: name it, e.g. 整体满意度'),
    touchpoints: questionList,
    score: z
      .enum(SCORE_COLUMNS, {
        error: (issue) => `invalid score: ${String(issue.input)} (expected csat, nps or satisfaction)`,
      })
      .nullish()
      .transform((value) => value ?? null),
    scale: z
      .union([z.literal(5), z.literal(10)], {
        error: (issue) => `invalid scale: ${String(issue.input)} (expected 5 for 1-5 or 10 for 0-10)`,
      })
      .nullish()
      .transform((value) => value ?? null),
    threshold: z.number().nullish(),
    low_threshold: z.number().nullish(),
  })
  .transform((spec) => ({
    journeyQuestion: spec.journey_question,
    touchpoints: spec.touchpoints,
    score: spec.score,
    scale: spec.scale,
    threshold: spec.threshold ?? null,
    lowThreshold: spec.low_threshold ?? null,
  }));
export type JourneyVsTouchpointsSpecInput = z.input<typeof journeyVsTouchpointsSpecSchema>;
export type JourneyVsTouchpointsSpec = z.output<typeof journeyVsTouchpointsSpecSchema>;

export const suppressSpecSchema = z.object({ k: z.number().int().positive().default(5) });
export type SuppressSpecInput = z.input<typeof suppressSpecSchema>;
export type SuppressSpec = z.output<typeof suppressSpecSchema>;

/** Parses with a schema, throwing a SpecError that names the analysis and each field. */
function parseWith<Schema extends z.ZodType>(schema: Schema, input: unknown, analysis: string): z.output<Schema> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const messages = parsed.error.issues.map((issue) => {
    const field = issue.path.join('.');
    return issue.code === 'custom' || !field || issue.message.startsWith('invalid ')
      ? issue.message
      : `${field}: ${issue.message}`;
  });
  throw new SpecError(`${analysis}: ${messages.join('; ')}`);
}

export const parseFunnelSpec = (input: FunnelSpecInput): FunnelSpec => parseWith(funnelSpecSchema, input, 'funnel');
export const parsePathsSpec = (input: PathsSpecInput = {}): PathsSpec => parseWith(pathsSpecSchema, input, 'paths');
export const parseRetentionSpec = (input: RetentionSpecInput = {}): RetentionSpec =>
  parseWith(retentionSpecSchema, input, 'retention');
export const parseValueSpec = (input: ValueSpecInput = {}): ValueSpec => parseWith(valueSpecSchema, input, 'value');
export const parseSatisfactionSpec = (input: SatisfactionSpecInput = {}): SatisfactionSpec =>
  parseWith(satisfactionSpecSchema, input, 'satisfaction');
export const parseCompareSpec = (input: CompareSpecInput): CompareSpec =>
  parseWith(compareSpecSchema, input, 'compare');
export const parseStallsSpec = (input: StallsSpecInput): StallsSpec => parseWith(stallsSpecSchema, input, 'stalls');
export const parseWhatIfSpec = (input: WhatIfSpecInput): WhatIfSpec => parseWith(whatIfSpecSchema, input, 'what-if');
export const parseSuppressSpec = (input: SuppressSpecInput = {}): SuppressSpec =>
  parseWith(suppressSpecSchema, input, 'suppress');
export const parseDriversSpec = (input: DriversSpecInput): DriversSpec =>
  parseWith(driversSpecSchema, input, 'drivers');
export const parseJourneyVsTouchpointsSpec = (input: JourneyVsTouchpointsSpecInput): JourneyVsTouchpointsSpec =>
  parseWith(journeyVsTouchpointsSpecSchema, input, 'journey-vs-touchpoints');
