/**
 * The analyses of a journey report, computed once from its event log and
 * config: funnel, what-if on the weakest step, paths, retention, satisfaction
 * and value, plus the headline figures of the executive summary. Results are
 * raw (unsuppressed): every component that publishes them gets the report's k.
 *
 * @example
 *   const analyses = reportAnalyses(await openReport('acme-bank'));
 *   analyses.funnel.steps.at(-1).conversion_from_start; // 0.41
 */
import { funnelResolved, type FunnelResult } from '../analytics/analyses/funnel.ts';
import { hasColumn, type ColumnTable } from '../analytics/events.ts';
import { pathsResolved, type PathsResult } from '../analytics/analyses/paths.ts';
import { retentionResolved, type RetentionResult } from '../analytics/analyses/retention.ts';
import { satisfactionResolved, type SatisfactionResult } from '../analytics/analyses/satisfaction.ts';
import {
  parseFunnelSpec,
  parsePathsSpec,
  parseRetentionSpec,
  parseSatisfactionSpec,
  parseValueSpec,
  parseWhatIfSpec,
} from '../analytics/analyses/spec.ts';
import { driversResolved, type DriversResult } from '../analytics/analyses/drivers.ts';
import { parseDriversSpec } from '../analytics/analyses/spec.ts';
import { surveySatisfaction, type SurveyTouchpoint } from '../analytics/analyses/surveySatisfaction.ts';
import { valueResolved, type ValueResult } from '../analytics/analyses/value.ts';
import { whatIfResolved, type WhatIfResult } from '../analytics/analyses/whatIf.ts';
import { reportTimeZone, type ReportConfig } from './reportConfig.ts';

/**
 * What the analyses read of an opened report (openReport's OpenedReport has this and more;
 * declared here so that this file needs nothing of openReport, which runs engine reports).
 */
export interface ReportData {
  slug: string;
  config: ReportConfig;
  /** Every events source's events, canonical columns only. */
  table: ColumnTable;
  /** Every survey source's answers, null without one. */
  survey: ColumnTable | null;
  /** With an `engine` source: the analyses, run on the engine (or its cache). */
  engineAnalyses?: ReportAnalyses;
}

export interface ReportAnalyses {
  funnel: FunnelResult;
  /** The funnel by first-touch segment (or channel when there is no segment column); null without either. */
  breakdown: FunnelResult | null;
  breakdownBy: 'segment' | 'channel' | 'stage' | null;
  /** The step (2..n) with the lowest conversion from the previous step. */
  weakestStep: number;
  /** The step (2..n) that lost the most customers from the previous step (the largest loss). */
  largestLossStep: number;
  /** The step the what-if raises: report.json's what_if.step, else the weakest. */
  whatIfStep: number;
  /** Raising that step's conversion by what_if.uplift (default 20%). */
  whatIf: WhatIfResult;
  paths: PathsResult;
  retention: RetentionResult;
  /** Null when the data has no satisfaction column. */
  satisfaction: SatisfactionResult | null;
  /** CSAT and NPS per touchpoint from the survey sources, in journey order; null without a survey source. */
  surveySatisfaction: SurveyTouchpoint[] | null;
  /**
   * Key drivers of the survey source's `journey_question` (the driver matrix), null without one;
   * `error` says why no model could be fitted (too few respondents, constant answers).
   */
  drivers: { result: DriversResult | null; error: string | null } | null;
  /** Null when the data has no value column. */
  value: ValueResult | null;
  /** Distinct customers in the data. */
  customers: number;
  /** The paths' session gap as configured (null: not cut into sessions) and depth, for the caption. */
  pathsSpec: { sessionGap: string | null; depth: number };
  /** The first and last event time (epoch ms); null for an empty log. */
  period: { first: number; last: number } | null;
}

/** The step (2..n) with the lowest conversion from the previous step; the first such on ties. */
export function weakestStepOf(result: FunnelResult): number {
  let weakestStep = 2;
  for (const step of result.steps.slice(1)) {
    const current = result.steps[weakestStep - 1]!.conversion_from_previous ?? 1;
    if ((step.conversion_from_previous ?? 1) < current) weakestStep = step.step;
  }
  return weakestStep;
}

/** The step (2..n) that lost the most customers from the previous step; the first such on ties. */
export function largestLossStepOf(result: FunnelResult): number {
  let largestLossStep = 2;
  for (const step of result.steps.slice(1))
    if (step.dropped > result.steps[largestLossStep - 1]!.dropped) largestLossStep = step.step;
  return largestLossStep;
}

/** Funnel steps (each alternative of `a|b`), then the journey map's stages in order of first appearance. */
function journeyOrder(table: ColumnTable, steps: readonly string[]): string[] {
  const order = steps.flatMap((step) => step.split('|'));
  if (hasColumn(table, 'stage')) {
    const stages = table.array('stage') as ArrayLike<string | null>;
    for (let row = 0; row < stages.length; row++) {
      const stage = stages[row];
      if (stage && !order.includes(stage)) order.push(stage);
    }
  }
  return order;
}

function reportDrivers(report: ReportData): ReportAnalyses['drivers'] {
  const outcome = report.config.sources.find((source) => source.kind === 'survey')?.journey_question;
  if (!outcome || !report.survey) return null;
  try {
    const spec = parseDriversSpec({ outcome, k: report.config.k });
    return { result: driversResolved(report.survey, spec), error: null };
  } catch (error) {
    // A model that cannot be fitted is a finding for the report's author, not a failed build.
    return { result: null, error: (error as Error).message };
  }
}

/** The longest session gap a spec takes (ten years), longer than any journey: paths are not cut. */
const NO_SESSION_CUT = '3650d';

/** The paths spec a report asks for (report.json's session gap and depth; top 10 of 40 rows). */
export function reportPathsSpec(config: ReportConfig) {
  return { depth: config.paths.depth, session_gap: config.paths.session_gap ?? NO_SESSION_CUT, top: 10, limit: 40 };
}

/** report.json's breakdown_by when the data has it, else segment, else channel, else none. */
export function breakdownColumn(config: ReportConfig, has: (column: string) => boolean): ReportAnalyses['breakdownBy'] {
  if (config.breakdown_by && has(config.breakdown_by)) return config.breakdown_by;
  if (has('segment')) return 'segment';
  return has('channel') ? 'channel' : null;
}

/** The report's analyses; a report with an engine source brings them computed (openReport). */
export function reportAnalyses(report: ReportData): ReportAnalyses {
  if (report.engineAnalyses) return report.engineAnalyses;
  const { table, config } = report;
  const steps = config.funnel.steps;
  // Specs are parsed once here, where the report's config enters.
  const funnelSpec = parseFunnelSpec({ steps, window: config.funnel.window });
  const funnelResult = funnelResolved(table, funnelSpec);
  const weakestStep = weakestStepOf(funnelResult);
  const largestLossStep = largestLossStepOf(funnelResult);
  const whatIfStep = config.what_if.step ?? weakestStep;
  if (whatIfStep > steps.length) {
    throw new Error(
      `report ${report.slug}: what_if.step is ${whatIfStep} but the funnel has ${steps.length} steps (data/reports/${report.slug}/report.json)`,
    );
  }
  const tz = reportTimeZone(config);
  const hasValue = hasColumn(table, 'value');
  const breakdownBy = breakdownColumn(config, (name) => hasColumn(table, name));
  return {
    funnel: funnelResult,
    breakdown: breakdownBy ? funnelResolved(table, { ...funnelSpec, by: breakdownBy }) : null,
    breakdownBy,
    weakestStep,
    largestLossStep,
    whatIfStep,
    whatIf: whatIfResolved(
      table,
      parseWhatIfSpec({
        steps,
        window: config.funnel.window,
        step: whatIfStep,
        uplift: config.what_if.uplift,
        purchase_event: config.purchase_event,
      }),
    ),
    paths: pathsResolved(table, parsePathsSpec(reportPathsSpec(config))),
    retention: retentionResolved(table, parseRetentionSpec({ period: 'week', tz })),
    satisfaction: hasColumn(table, 'satisfaction') ? satisfactionResolved(table, parseSatisfactionSpec()) : null,
    surveySatisfaction: report.survey ? surveySatisfaction(report.survey, journeyOrder(table, steps)) : null,
    drivers: reportDrivers(report),
    value: hasValue ? valueResolved(table, parseValueSpec({ purchase_event: config.purchase_event })) : null,
    customers: new Set(Array.from(table.array('customer_id') as ArrayLike<string>)).size,
    pathsSpec: { sessionGap: config.paths.session_gap, depth: config.paths.depth },
    period: periodOf(table.array('timestamp') as ArrayLike<number>),
  };
}

function periodOf(times: ArrayLike<number>): { first: number; last: number } | null {
  if (times.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (let row = 0; row < times.length; row++) {
    const time = times[row]!;
    if (time < first) first = time;
    if (time > last) last = time;
  }
  return { first, last };
}
