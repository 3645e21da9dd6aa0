/**
 * Small-cell suppression (spec §10) for any analysis result, before it is
 * published: every customer cell under k becomes the string `< k` (`< 5`),
 * and the figures computed from fewer than k customers become null.
 *
 * Exactly which fields count:
 * - customer cells (shown as `< k` when under k): `customers`, `size`, `buyers`,
 *   `n`, `successes`, `dropped`, `stalled`, `projected_customers`,
 *   `additional_customers`, `excluded`, and each element of a retention row's `counts`;
 * - a row describes fewer than k customers when its `customers`, `size`,
 *   `buyers`, `n` or `successes` is under k: then every other number in that
 *   row (rates, times, means, sessions, scores, money) becomes null, except
 *   identifiers (`step`, `position`, `window_seconds`, `older_than_seconds`,
 *   `uplift`, `scale`, `threshold`, `low_threshold`, `low_touchpoints`) and customer cells of k or more;
 * - a retention `rates[i]` is null where `counts[i]` is suppressed;
 * - in a comparison, difference, lift, se, z, p_value and the interval are null
 *   when either side is suppressed;
 * - `customer_ids` (stalls) is always null: ids are never published.
 * Differences of published counts (e.g. two large neighbouring funnel steps)
 * are not protected; publish coarser aggregates if that matters.
 *
 * @example
 *   suppress(funnel(table, spec), { k: 5 }).steps[3].customers; // '< 5' when 3 customers got there
 */
import { parseSuppressSpec, type SuppressSpecInput } from './spec.ts';

/** A result after suppression: any number may have become `< k` or null. */
export type Suppressed<T> = T extends number
  ? number | string | null
  : T extends readonly (infer Item)[]
    ? Suppressed<Item>[]
    : T extends object
      ? { [Key in keyof T]: Suppressed<T[Key]> }
      : T;

export const CUSTOMER_CELL_FIELDS: ReadonlySet<string> = new Set([
  'customers',
  'size',
  'buyers',
  'n',
  'successes',
  'dropped',
  'stalled',
  'projected_customers',
  'additional_customers',
  'excluded',
]);
export const POPULATION_FIELDS: ReadonlySet<string> = new Set(['customers', 'size', 'buyers', 'n', 'successes']);
export const IDENTITY_FIELDS: ReadonlySet<string> = new Set([
  'step',
  'position',
  'window_seconds',
  'older_than_seconds',
  'uplift',
  'scale',
  'threshold',
  'low_threshold',
  'low_touchpoints',
]);
const COMPARISON_FIELDS = ['difference', 'lift', 'se', 'z', 'p_value', 'ci_low', 'ci_high'];

export function suppress<T>(result: T, specInput: SuppressSpecInput = {}): Suppressed<T> {
  const { k } = parseSuppressSpec(specInput);
  return walk(result, k, `< ${k}`) as Suppressed<T>;
}

function walk(value: unknown, k: number, label: string): unknown {
  if (Array.isArray(value)) return value.map((item) => walk(item, k, label));
  if (value === null || typeof value !== 'object') return value;
  const row = value as Record<string, unknown>;
  const isSmall = (field: string) => {
    const cell = row[field];
    return typeof cell === 'number' && cell < k;
  };
  const small = [...POPULATION_FIELDS].some(isSmall);
  const counts = Array.isArray(row.counts) ? (row.counts as unknown[]) : null;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(row)) {
    if (key === 'customer_ids') out[key] = null;
    else if (typeof field === 'number') {
      if (CUSTOMER_CELL_FIELDS.has(key) && field < k) out[key] = label;
      else if (small && !IDENTITY_FIELDS.has(key) && !CUSTOMER_CELL_FIELDS.has(key)) out[key] = null;
      else out[key] = field;
    } else if (key === 'counts' && counts) {
      out[key] = counts.map((count) => (typeof count === 'number' && count < k ? label : count));
    } else if (key === 'rates' && counts && Array.isArray(field)) {
      out[key] = (field as unknown[]).map((rate, index) => {
        const count = counts[index];
        return small || (typeof count === 'number' && count < k) ? null : rate;
      });
    } else out[key] = walk(field, k, label);
  }
  if ('before' in row && 'after' in row) {
    const sideSmall = (side: unknown) =>
      side !== null && typeof side === 'object' && Object.values(side).some((cell) => cell === label);
    if (sideSmall(out.before) || sideSmall(out.after))
      for (const key of COMPARISON_FIELDS) if (key in out) out[key] = null;
  }
  return out;
}
