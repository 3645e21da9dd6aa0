/**
 * The registry of `journey` sub-commands, loaded lazily so `journey check`
 * does not pay for the analyses it does not run.
 */
import type { Command } from './command.ts';

export const commands: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check.ts')).default,
  funnel: async () => (await import('./funnel.ts')).default,
  paths: async () => (await import('./paths.ts')).default,
  retention: async () => (await import('./retention.ts')).default,
  value: async () => (await import('./value.ts')).default,
  satisfaction: async () => (await import('./satisfaction.ts')).default,
  compare: async () => (await import('./compare.ts')).default,
  stalls: async () => (await import('./stalls.ts')).default,
  whatif: async () => (await import('./whatif.ts')).default,
  new: async () => (await import('./newReport.ts')).default,
  'build-report': async () => (await import('./buildReport.ts')).default,
  pdf: async () => (await import('./pdf.ts')).default,
  sql: async () => (await import('./sql.ts')).default,
};
