/**
 * Durations as analysts write them: `14d`, `1h`, `30m`, `45s`, `1.5h`, or a
 * plain number of seconds. Parsed once, where a spec enters (see spec.ts),
 * and bounded: a 400-digit window is a typo, not a wish for "Infinityd".
 *
 * @example
 *   parseDurationSeconds('14d', 'window'); // 1209600
 *   parseDurationSeconds('3x', 'window');  // throws "invalid window: 3x ..."
 *   parseDurationSeconds('4000d', 'window'); // throws "invalid window: 4000d (more than 3650d ...)"
 */
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

const DURATION = /^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$/i;

/** The longest window, session gap or inactivity any analysis takes: ten years (3650d). */
export const MAX_DURATION_SECONDS = 3650 * 86400;

/** `3650d`, `7d`, `12h`: the largest whole unit that writes `seconds` exactly. */
export function durationText(seconds: number): string {
  for (const unit of ['d', 'h', 'm'] as const) {
    const size = UNIT_SECONDS[unit]!;
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/** `14d, 1h, 30m or 45s`, leaving out the examples longer than `maxSeconds`. */
function examples(maxSeconds: number): string {
  const fitting = ['14d', '1h', '30m', '45s'].filter((example) => parseSeconds(example) <= maxSeconds);
  return fitting.length > 1 ? `${fitting.slice(0, -1).join(', ')} or ${fitting.at(-1)}` : (fitting[0] ?? '45s');
}

function parseSeconds(input: string): number {
  const match = DURATION.exec(input);
  return match ? Number(match[1]) * UNIT_SECONDS[(match[2] || 's').toLowerCase()]! : NaN;
}

/** The input as echoed in an error: a runaway value is cut short. */
function shown(input: string | number): string {
  const text = String(input).trim();
  return text.length > 24 ? `${text.slice(0, 20)}… (${text.length} characters)` : text;
}

/**
 * Seconds in a duration from 0 to `maxSeconds` (default 3650 days); `what`
 * names the option in the error message.
 */
export function parseDurationSeconds(
  input: string | number,
  what: string,
  maxSeconds: number = MAX_DURATION_SECONDS,
): number {
  let seconds: number;
  if (typeof input === 'number') seconds = Number.isNaN(input) || input < 0 ? NaN : input;
  else seconds = parseSeconds(input);
  if (Number.isNaN(seconds))
    throw new Error(`invalid ${what}: ${shown(input)} (expected a duration such as 14d, 1h, 30m or 45s)`);
  if (seconds > maxSeconds)
    throw new Error(
      `invalid ${what}: ${shown(input)} (more than ${durationText(maxSeconds)}; give a duration from 0 to ${durationText(maxSeconds)}, such as ${examples(maxSeconds)})`,
    );
  return seconds;
}
