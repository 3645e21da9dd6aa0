/**
 * The registry of `journey` sub-commands: each one's summary line (for
 * `journey --help`) and a loader, so a command loads only its own module and
 * `journey --help` loads none.
 */
import type { Command } from './command.ts';

export interface CommandEntry {
  /** One line for `journey --help`. */
  summary: string;
  load(): Promise<Command>;
}

export const commands: Record<string, CommandEntry> = {
  check: {
    summary: 'read an event log and report its shape, errors and warnings',
    load: async () => (await import('./check.ts')).default,
  },
  funnel: {
    summary: 'customers at each funnel step, conversions and time to convert',
    load: async () => (await import('./funnel.ts')).default,
  },
  paths: {
    summary: 'top session paths and flow edges between positions',
    load: async () => (await import('./paths.ts')).default,
  },
  retention: {
    summary: 'cohort retention by day, ISO week or month',
    load: async () => (await import('./retention.ts')).default,
  },
  value: {
    summary: 'AOV, purchase frequency, historic CLV and repurchase gaps',
    load: async () => (await import('./value.ts')).default,
  },
  satisfaction: {
    summary: 'CSAT or NPS per touchpoint, stage and channel',
    load: async () => (await import('./satisfaction.ts')).default,
  },
  drivers: {
    summary: 'key drivers of a journey-level survey score (relative weights)',
    load: async () => (await import('./drivers.ts')).default,
  },
  compare: {
    summary: 'compare two rates: z-test, lift and intervals',
    load: async () => (await import('./compare.ts')).default,
  },
  stalls: {
    summary: 'customers stalled at a funnel step, for proactive service',
    load: async () => (await import('./stalls.ts')).default,
  },
  whatif: {
    summary: 'project a conversion uplift at one step onto later steps and value',
    load: async () => (await import('./whatif.ts')).default,
  },
  new: {
    summary: 'scaffold a client report: journey new report <client> --data FILE',
    load: async () => (await import('./newReport.ts')).default,
  },
  'build-report': {
    summary: 'build a site holding one report alone, in dist-report/<client>/',
    load: async () => (await import('./buildReport.ts')).default,
  },
  pdf: {
    summary: 'print a built report to an A4 PDF in dist-pdf/',
    load: async () => (await import('./pdf.ts')).default,
  },
  sql: {
    summary: 'print the SQL of an analysis for a warehouse (duckdb, clickhouse, postgres, spark)',
    load: async () => (await import('./sql.ts')).default,
  },
};
