/**
 * The props of every chart component, as zod schemas (the source of truth),
 * and `parseProps`, which fails the build with a message naming the component,
 * the prop and the page: `<FunnelChart> on /en/gallery/: prop "spec.steps": ...`.
 * Specs and results are the analyses' own schemas: a spec comes out parsed
 * (resolved), and a result passed in directly is checked for its spec §11 shape.
 *
 * A chart without its own `k` takes the page's (a report's frontmatter k, passed
 * down in `Astro.locals`), so no chart on a report forgets the threshold.
 *
 * @example
 *   const props = parseProps('FunnelChart', funnelChartProps, Astro.props, Astro.url.pathname, Astro.locals);
 */
import { z } from 'zod';
import { anyFunnelResultSchema } from '../analytics/analyses/aggregatedFunnel.ts';
import { funnelResultSchema } from '../analytics/analyses/funnel.ts';
import { pathsResultSchema } from '../analytics/analyses/paths.ts';
import { retentionResultSchema } from '../analytics/analyses/retention.ts';
import { satisfactionResultSchema } from '../analytics/analyses/satisfaction.ts';
import {
  funnelSpecSchema,
  pathsSpecSchema,
  retentionSpecSchema,
  satisfactionSpecSchema,
  whatIfSpecSchema,
} from '../analytics/analyses/spec.ts';
import { LOCALES } from '../i18n/locales.ts';
import { NUMBER_FORMATS } from '../analytics/load/formattedNumber.ts';
import { whatIfResultSchema } from '../analytics/analyses/whatIf.ts';
import { driversResultSchema, driversSpecSchema } from '../analytics/analyses/drivers.ts';

/** An error in a component's props or data, naming the component, the prop and the page. */
export class ComponentError extends Error {
  override name = 'ComponentError';
  constructor(component: string, page: string, prop: string, message: string) {
    super(`<${component}> on ${page}: prop "${prop}": ${message}`);
  }
}

/** What the page sets for every chart on it. */
export interface PageDefaults {
  /** The page's frontmatter k. */
  k?: number;
}

export function parseProps<Schema extends z.ZodType>(
  component: string,
  schema: Schema,
  props: unknown,
  page: string,
  pageDefaults: PageDefaults = {},
): z.output<Schema> {
  const parsed = schema.safeParse(withPageK(props, pageDefaults.k));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
  throw new ComponentError(component, page, issue.path.join('.') || '(props)', `${issue.message}${more}`);
}

function withPageK(props: unknown, pageK: number | undefined): unknown {
  if (pageK === undefined || typeof props !== 'object' || props === null) return props;
  const k = (props as { k?: unknown }).k;
  return k === undefined ? { ...props, k: pageK } : props;
}

/** Runs `work`, turning any error into a ComponentError for `prop`. */
export async function forProp<T>(
  component: string,
  page: string,
  prop: string,
  work: () => T | Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ComponentError) throw error;
    throw new ComponentError(component, page, prop, (error as Error).message);
  }
}

/** A prop the schema's refinement has already required (for the type checker). */
export function required<T>(value: T | undefined, prop: string): T {
  if (value === undefined) throw new Error(`${prop} is required here`);
  return value;
}

const lang = z.enum(LOCALES);

/** Props every chart takes. */
export const commonProps = {
  title: z.string().min(1, 'give the chart a title'),
  lang: lang.optional(),
  /** Small-cell suppression threshold; reports pass their frontmatter k. */
  k: z.number().int().positive().optional(),
  /** Caption: the data source (default: the data file's name). */
  source: z.string().optional(),
  /** Caption: the period covered (default: the data's first to last day). */
  period: z.string().optional(),
  /** Element id (default: derived from the title). */
  id: z
    .string()
    .regex(/^[A-Za-z][\w-]*$/, 'an id starts with a letter and has letters, digits, - and _')
    .optional(),
  width: z.number().int().min(240).max(1600).optional(),
};

/** An event log on disk (relative to the project root) and how to read it. */
export const dataProps = {
  data: z.string().min(1).optional(),
  map: z.record(z.string(), z.string()).optional(),
  tz: z.string().optional(),
  skipInvalid: z.boolean().optional(),
  dedupe: z.boolean().optional(),
  /** Numbers in the timestamp column are Excel date serials. */
  excelDates: z.boolean().optional(),
  /** Read `1,234.56`-style numbers (thousands separators, a currency sign). */
  numberFormat: z.enum(NUMBER_FORMATS).optional(),
  /** The sheet of an .xlsx workbook (default: the first). */
  sheet: z.string().min(1).optional(),
};

/** One period of a before/after comparison: its own file, or a time range of the chart's file, or both. */
const comparePeriod = z.object({
  data: z.string().min(1).optional(),
  /** Inclusive start, ISO 8601 (a bare date is midnight UTC). */
  from: z.string().optional(),
  /** Exclusive end. */
  to: z.string().optional(),
  label: z.string().optional(),
});

/** Exactly one of `data` (with an analysis spec) or `result`. */
function dataOrResult<T extends { data?: string; result?: unknown }>(
  props: T,
  context: z.RefinementCtx,
  needsSpec = true,
) {
  if (props.data === undefined && props.result === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['data'],
      message: 'give either data (an event log, with spec) or result (an analysis result)',
    });
  }
  if (props.data !== undefined && props.result !== undefined) {
    context.addIssue({ code: 'custom', path: ['result'], message: 'give data or result, not both' });
  }
  if (needsSpec && props.data !== undefined && (props as { spec?: unknown }).spec === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['spec'],
      message: 'a chart computed from data needs an analysis spec, e.g. spec={{ steps: "visit,cart,purchase" }}',
    });
  }
}

export const funnelChartProps = z
  .object({
    ...commonProps,
    ...dataProps,
    spec: funnelSpecSchema.optional(),
    result: z
      .union([anyFunnelResultSchema, z.object({ before: funnelResultSchema, after: funnelResultSchema })])
      .optional(),
    /** How a breakdown (`spec.by`) is drawn. */
    layout: z.enum(['grouped', 'facets']).default('grouped'),
    /** Before/after: two periods compared step by step. */
    compare: z.object({ before: comparePeriod, after: comparePeriod }).optional(),
    alpha: z.number().gt(0).lt(1).default(0.05),
  })
  .superRefine((props, context) => {
    if (props.compare === undefined) dataOrResult(props, context);
    else if (props.spec === undefined)
      context.addIssue({ code: 'custom', path: ['spec'], message: 'a comparison needs the funnel spec' });
  });

export const pathFlowProps = z
  .object({
    ...commonProps,
    ...dataProps,
    spec: pathsSpecSchema.prefault({}),
    result: pathsResultSchema.optional(),
    topPaths: z.number().int().min(1).max(50).default(10),
    height: z.number().int().min(120).max(1200).optional(),
  })
  .superRefine((props, context) => dataOrResult(props, context, false));

export const retentionGridProps = z
  .object({
    ...commonProps,
    ...dataProps,
    spec: retentionSpecSchema.prefault({}),
    result: retentionResultSchema.optional(),
  })
  .superRefine((props, context) => dataOrResult(props, context, false));

export const touchpointScoresProps = z
  .object({
    ...commonProps,
    ...dataProps,
    spec: satisfactionSpecSchema.prefault({}),
    result: satisfactionResultSchema.optional(),
    by: z.enum(['event', 'stage', 'channel']).default('event'),
    metric: z.enum(['csat', 'nps', 'mean']).optional(),
  })
  .superRefine((props, context) => dataOrResult(props, context, false));

export const whatIfProps = z
  .object({
    ...commonProps,
    ...dataProps,
    spec: whatIfSpecSchema.optional(),
    result: whatIfResultSchema.optional(),
    /** Largest uplift the slider offers, as a fraction (1 = +100%). */
    maxUplift: z.number().gt(0).max(10).default(1),
    /** ISO 4217 code of the value figures, e.g. "CNY" (report.json currency); none: bare numbers. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
  })
  .superRefine((props, context) => dataOrResult(props, context));

export const opportunityMatrixProps = z
  .object({
    ...commonProps,
    /** A JSON or YAML file with the list (or `{ opportunities, scale }`). */
    file: z.string().min(1).optional(),
    opportunities: z.array(z.record(z.string(), z.unknown())).optional(),
    scale: z.tuple([z.number(), z.number()]).optional(),
  })
  .superRefine((props, context) => {
    if ((props.file === undefined) === (props.opportunities === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['file'],
        message: 'give either file (JSON or YAML) or opportunities (a list), exactly one',
      });
    }
  });

export const journeyMapProps = z.object({
  ...commonProps,
  /** A YAML or JSON journey definition file, or the definition itself. */
  journey: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
  /** Event data for per-stage figures; default: the definition's own `data`. */
  ...dataProps,
  /** Leave the event data out even when the definition names one. */
  withData: z.boolean().default(true),
});

const kpiTile = z.object({
  label: z.string().min(1),
  value: z.number(),
  previous: z.number().optional(),
  format: z.enum(['count', 'percent', 'number', 'money']).default('number'),
  digits: z.number().int().min(0).max(4).optional(),
  /** Money: a unit written after the figure (元, CNY, €). */
  unit: z.string().optional(),
  /** Money: an ISO 4217 code, shown as formatMoney does (`1,190 元`, `CNY 1,190`, `€1,190`); wins over unit. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  /** For a rate: the number of customers behind the value and behind the previous value (for the significance test). */
  n: z.number().int().positive().optional(),
  previousN: z.number().int().positive().optional(),
  /** Customers the figure describes (for suppression); default n. */
  customers: z.number().int().nonnegative().optional(),
});

export const kpiTilesProps = z
  .object({
    ...commonProps,
    ...dataProps,
    /** The figures, typed in; or computed from a funnel over two periods (`spec` and `compare`). */
    tiles: z.array(kpiTile).min(1).optional(),
    spec: funnelSpecSchema.optional(),
    compare: z.object({ before: comparePeriod, after: comparePeriod }).optional(),
    /** Name of the previous period, e.g. "September"; default: compare.before.label. */
    previousLabel: z.string().optional(),
    /** For computed `tiles`: the commands that print their figures and the demo files they read ("Reproduce"). */
    reproduce: z.object({ commands: z.array(z.string()).min(1), files: z.array(z.string()).min(1) }).optional(),
    alpha: z.number().gt(0).lt(1).default(0.05),
  })
  .superRefine((props, context) => {
    if (props.tiles === undefined && (props.spec === undefined || props.compare === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['tiles'],
        message: 'give tiles, or a funnel spec with compare: { before, after } to compute them',
      });
    }
  });
export type KpiTile = z.output<typeof kpiTile>;

export const dataTableProps = z
  .object({
    ...commonProps,
    /** Rows as objects; columns in the order of the first row unless `columns` is given. */
    rows: z.array(z.record(z.string(), z.unknown())).optional(),
    /** A JSON or YAML file holding such a list. */
    file: z.string().min(1).optional(),
    columns: z.array(z.object({ key: z.string(), label: z.string().optional() })).optional(),
    /** Columns holding customer counts: suppressed under k. */
    customerColumns: z.array(z.string()).default(['customers']),
  })
  .superRefine((props, context) => {
    if ((props.rows === undefined) === (props.file === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['rows'],
        message: 'give either rows (a list of objects) or file (JSON or YAML), exactly one',
      });
    }
  });

export const driverMatrixProps = z
  .object({
    ...commonProps,
    ...dataProps,
    /** The drivers spec: `{ outcome, drivers?, score?, by? }` (src/analytics/analyses/drivers.ts). */
    spec: driversSpecSchema.optional(),
    result: driversResultSchema.optional(),
    /** Draw one segment of `spec.by` instead of every respondent. */
    segment: z.string().min(1).optional(),
  })
  .superRefine((props, context) => dataOrResult(props, context));
