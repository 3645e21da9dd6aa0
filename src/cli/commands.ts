/**
 * The registry of `journey` sub-commands, loaded lazily so `journey check`
 * does not pay for the analyses it does not run.
 */
import type { Command } from './command.ts';

export const commands: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check.ts')).default,
};
