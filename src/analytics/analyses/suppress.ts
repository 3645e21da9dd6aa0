/**
 * Small-cell suppression (spec §10), the one home for it: the primitives the
 * charts, components and report prose use (`isSuppressed`, `suppressedLabel`,
 * `countOrSuppressed`), and `suppress`, which hides the small cells of any
 * analysis result before it is published (the CLI's `--json --k N`): every
 * customer cell under k becomes the marker `{ suppressed: true, fewer_than: k }`
 * (never the count), and the figures computed from fewer than k customers
 * become null. Consumers test the marker (`isSuppressedCell`), never text.
 *
 * Exactly which fields count:
 * - customer cells (a marker when under k): `customers`, `size`, `buyers`,
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
 *   suppress(funnel(table, spec), { k: 5 }).steps[3].customers; // { suppressed: true, fewer_than: 5 } when 3 got there
 *   countOrSuppressed(3, 5, String); // '< 5'
 */
import { parseSuppressSpec, type SuppressSpecInput } from './spec.ts';

/** A customer cell under k, as published: the flag and the threshold, never the count. */
export interface SuppressedCell {
  suppressed: true;
  fewer_than: number;
}

/** True for a cell `suppress` hid. */
export function isSuppressedCell(value: unknown): value is SuppressedCell {
  return value !== null && typeof value === 'object' && (value as Partial<SuppressedCell>).suppressed === true;
}

/** Whether a figure about `customers` customers must be hidden; `k` undefined: no suppression asked for. */
export function isSuppressed(customers: number | null | undefined, k: number | undefined): boolean {
  return k !== undefined && customers !== null && customers !== undefined && customers < k;
}

/** What a hidden count shows: `< 5`. */
export function suppressedLabel(k: number): string {
  return `< ${k}`;
}

/** The count as text, or `< k` when suppressed. */
export function countOrSuppressed(
  customers: number | null | undefined,
  k: number | undefined,
  format: (value: number | null | undefined) => string,
): string {
  return isSuppressed(customers, k) ? suppressedLabel(k as number) : format(customers);
}

/** A result after suppression: any number may have become a marker or null. */
export type Suppressed<T> = T extends number
  ? number | SuppressedCell | null
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
  return walk(result, k) as Suppressed<T>;
}

function walk(value: unknown, k: number): unknown {
  if (Array.isArray(value)) return value.map((item) => walk(item, k));
  if (value === null || typeof value !== 'object') return value;
  const row = value as Record<string, unknown>;
  const isSmall = (field: string) => {
    const cell = row[field];
    return typeof cell === 'number' && cell < k;
  };
  const small = [...POPULATION_FIELDS].some(isSmall);
  const counts = Array.isArray(row.counts) ? (row.counts as unknown[]) : null;
  const hidden: SuppressedCell = { suppressed: true, fewer_than: k };
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(row)) {
    if (key === 'customer_ids') out[key] = null;
    else if (typeof field === 'number') {
      if (CUSTOMER_CELL_FIELDS.has(key) && field < k) out[key] = { ...hidden };
      else if (small && !IDENTITY_FIELDS.has(key) && !CUSTOMER_CELL_FIELDS.has(key)) out[key] = null;
      else out[key] = field;
    } else if (key === 'counts' && counts) {
      out[key] = counts.map((count) => (typeof count === 'number' && count < k ? { ...hidden } : count));
    } else if (key === 'rates' && counts && Array.isArray(field)) {
      out[key] = (field as unknown[]).map((rate, index) => {
        const count = counts[index];
        return small || (typeof count === 'number' && count < k) ? null : rate;
      });
    } else out[key] = walk(field, k);
  }
  if ('before' in row && 'after' in row) {
    const sideSmall = (side: unknown) =>
      side !== null && typeof side === 'object' && Object.values(side).some(isSuppressedCell);
    if (sideSmall(out.before) || sideSmall(out.after))
      for (const key of COMPARISON_FIELDS) if (key in out) out[key] = null;
  }
  return out;
}
