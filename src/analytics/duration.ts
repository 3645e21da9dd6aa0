/**
 * Durations as analysts write them: `14d`, `1h`, `30m`, `45s`, `1.5h`, or a
 * plain number of seconds. Parsed once, where a spec enters (see spec.ts).
 *
 * @example
 *   parseDurationSeconds('14d', 'window'); // 1209600
 *   parseDurationSeconds('3x', 'window');  // throws "invalid window: 3x ..."
 */
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

const DURATION = /^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$/i;

/** Seconds in a duration; `what` names the option in the error message. */
export function parseDurationSeconds(input: string | number, what: string): number {
  if (typeof input === 'number') {
    if (Number.isFinite(input) && input >= 0) return input;
    throw new Error(`invalid ${what}: ${input} (expected a duration such as 14d, 1h, 30m or 45s)`);
  }
  const match = DURATION.exec(input);
  if (!match) throw new Error(`invalid ${what}: ${input} (expected a duration such as 14d, 1h, 30m or 45s)`);
  const amount = Number(match[1]);
  const unit = (match[2] || 's').toLowerCase();
  return amount * UNIT_SECONDS[unit]!;
}
