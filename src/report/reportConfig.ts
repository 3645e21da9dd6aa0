/**
 * A client report's configuration, `data/reports/<client>/report.json`: who it
 * is for, its language and brand, the suppression threshold k, its data sources
 * (each with its column mapping and time zone) and the analyses' settings, the
 * one place a consultant edits the funnel steps. The zod schema is the source of
 * truth; `readReportConfig` names the file and the field of every problem.
 *
 * @example
 *   const config = await readReportConfig('/repo', 'acme-bank');
 *   config.funnel.steps; // ['打开App', '填写资料', '身份验证', '开户成功']
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { timeZoneProblem } from '../analytics/timeZone.ts';
import { NUMBER_FORMATS } from '../analytics/load/formattedNumber.ts';
import { parseDurationSeconds } from '../analytics/duration.ts';
import { ENGINE_NAMES } from '../engines/engine.ts';
import { upliftSchema } from '../analytics/analyses/spec.ts';

export const REPORT_CONTENT_DIR = 'content/reports';
export const REPORT_DATA_DIR = 'data/reports';
export const REPORT_CONFIG_FILE = 'report.json';
export const DEFAULT_BRAND = '#1f5fa8';

/** A report's folder name: lower-case letters, digits and hyphens (it is the URL). */
export const clientSlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a report name uses lower-case letters, digits and hyphens, e.g. "acme-bank"');

const timeZoneSchema = z
  .string()
  .default('UTC')
  .superRefine((zone, context) => {
    const problem = timeZoneProblem(zone);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

export const dataSourceSchema = z.object({
  /**
   * `events` (an event log) or `survey` (one row per answer: the touchpoint in `event`,
   * scores mapped as csat/nps, free text as comment). Survey rows never enter funnels,
   * paths, retention or value; they feed satisfaction and drivers.
   */
  kind: z.enum(['events', 'survey']).default('events'),
  /** A survey's journey-level question (its `event` value): the outcome of the driver matrix. */
  journey_question: z.string().min(1).optional(),
  /** The event log, relative to the report's data folder; it may be a data loader's output. */
  path: z.string().min(1),
  /** Canonical column -> the file's column, as `--map` takes it. */
  map: z.record(z.string(), z.string().min(1)).default({}),
  /** Time zone of timestamps without Z or an offset. */
  tz: timeZoneSchema,
  /** The sheet of an .xlsx workbook (default: the first). */
  sheet: z.string().min(1).optional(),
  /** Numbers in the timestamp column are Excel date serials (`--excel-dates`). */
  excel_dates: z.boolean().optional(),
  /** Read `1,234.56`-style numbers in this format (`--number-format`). */
  number_format: z.enum(NUMBER_FORMATS).optional(),
  /** Skip invalid rows (counted in the build log and the data note) instead of failing. */
  skip_invalid: z.boolean().optional(),
  /** Drop exact duplicate rows (counted in the build log and the data note). */
  dedupe: z.boolean().optional(),
});

/**
 * Events read where they live instead of from files: the analyses run on the
 * engine and only aggregates come back (cached under `.cache/engines/`).
 * Connection settings come from the environment (PG*, CLICKHOUSE_*,
 * SPARK_REMOTE), never from this file.
 */
export const engineSourceSchema = z.strictObject({
  /** duckdb, chdb, clickhouse, postgres or spark. */
  name: z.enum(ENGINE_NAMES),
  /** The table (`schema.table`), or for duckdb and chdb a file relative to the report's data folder. */
  table: z.string().min(1),
  /** Canonical column -> the table's column, as `--map` takes it. */
  map: z.record(z.string(), z.string().min(1)).default({}),
  /** The zone of calendar periods (retention weeks). */
  tz: timeZoneSchema,
  /** The column that orders events with equal timestamps (`--order-by`). */
  order_by: z.string().min(1).optional(),
  /** DuckDB's memory limit, e.g. "4GB". */
  memory_limit: z.string().min(1).optional(),
});

export const reportConfigSchema = z
  .object({
    /** The client's name as printed in the header and on the PDF cover. */
    client: z.string().min(1),
    lang: z.enum(['zh', 'en']),
    brand: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'a brand colour is a hex colour like "#0b5cad"')
      .default(DEFAULT_BRAND),
    /** Logo path under public/ (e.g. "/logos/acme.svg"), or null. */
    logo: z.string().min(1).nullable().default(null),
    /** Cells describing fewer than k customers are suppressed (spec §10). */
    k: z.number().int().min(1).default(5),
    /** Event logs read from files; empty when `engine` is set. */
    sources: z.array(dataSourceSchema).default([]),
    engine: engineSourceSchema.optional(),
    /** Event logs the pages read besides `sources` (e.g. a comparison period): not analysed, but scanned for ids. */
    other_sources: z.array(dataSourceSchema).default([]),
    funnel: z.object({
      /** Event names in order; `a|b` accepts either. */
      steps: z.array(z.string().min(1)).min(2, 'a funnel needs at least 2 steps'),
      window: z.string().default('14d'),
    }),
    /** The event that counts as a purchase (value, what-if). */
    purchase_event: z.string().min(1).default('purchase'),
    /** The funnel breakdown's column (default: segment if the data has it, else channel). */
    breakdown_by: z.enum(['segment', 'channel', 'stage']).optional(),
    /** ISO 4217 code of every money figure (value, what-if), shown beside it. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'a currency is an ISO 4217 code like "CNY" or "EUR"')
      .default('CNY'),
    /** Who wrote the report: the PDF's author. */
    author: z.string().min(1).optional(),
    /** The canonical URL of the client's site, e.g. "https://reports.acme.com" (a one-report build's SITE). */
    site: z.url().optional(),
    /** Customer paths: the session gap ("30m"; null: no cut, one path per customer) and the depth. */
    paths: z
      .object({
        session_gap: z.string().nullable().default('30m'),
        depth: z.number().int().min(2).max(10).default(5),
      })
      .prefault({}),
    /** How long a data loader may run: a duration ("10m", "90s") or seconds; JOURNEY_LOADER_TIMEOUT overrides it. */
    loader_timeout: z
      .union([z.string(), z.number()])
      .optional()
      .refine((value) => value === undefined || isPositiveDuration(value), {
        message: 'a loader timeout is a duration longer than 0 and at most 7d, such as "10m", "90s" or 600',
      }),
    /** Whether the Pages workflow publishes this report; client reports stay private unless set. */
    publish: z.boolean().default(false),
    /** What-if sizing: the step whose conversion is raised (default: the weakest) and by how much. */
    what_if: z
      .object({
        step: z.number().int().min(2).optional(),
        uplift: upliftSchema.default(0.2),
      })
      .prefault({}),
  })
  .superRefine((config, context) => {
    if (config.engine !== undefined && config.sources.length > 0)
      context.addIssue({
        code: 'custom',
        path: ['engine'],
        message: 'a report reads either files (sources) or an engine, not both',
      });
    else if (config.engine === undefined && config.sources.length === 0)
      context.addIssue({
        code: 'custom',
        path: ['sources'],
        message: 'a report needs at least one data source (or an engine)',
      });
  });

/** A week: far beyond any query, and below the ~24.8 days after which a Node timer fires at once. */
export const MAX_LOADER_TIMEOUT_SECONDS = 7 * 86400;

function isPositiveDuration(value: string | number): boolean {
  try {
    return parseDurationSeconds(value, 'loader_timeout', MAX_LOADER_TIMEOUT_SECONDS) > 0;
  } catch {
    return false;
  }
}

export type ReportConfigInput = z.input<typeof reportConfigSchema>;
export type ReportConfig = z.output<typeof reportConfigSchema>;
export type DataSource = z.output<typeof dataSourceSchema>;
export type EngineSource = z.output<typeof engineSourceSchema>;

/** The report's time zone (calendar weeks, the period shown): its engine's, else its first events source's. */
export function reportTimeZone(config: ReportConfig): string {
  return config.engine?.tz ?? config.sources.find((source) => source.kind !== 'survey')?.tz ?? 'UTC';
}

/** Parses a report.json value; the error lists every field at fault, naming `file`. */
export function parseReportConfig(value: unknown, file: string): ReportConfig {
  const parsed = reportConfigSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(lines.join('\n'));
}

export function reportDataDir(root: string, slug: string): string {
  return join(root, REPORT_DATA_DIR, slug);
}

export function reportContentDir(root: string, slug: string): string {
  return join(root, REPORT_CONTENT_DIR, slug);
}

/** Reads and validates `data/reports/<slug>/report.json`. */
export async function readReportConfig(root: string, slug: string): Promise<ReportConfig> {
  const file = join(REPORT_DATA_DIR, slug, REPORT_CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(join(root, file), 'utf8');
  } catch {
    throw new Error(
      `${file}: not found — every report needs one; scaffold it with \`npm run journey -- new report ${slug}\``,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  return parseReportConfig(value, file);
}
