/**
 * Small-cell suppression on published figures (spec §10): a figure that
 * describes fewer than k customers shows `< k`, never the count. Charts call
 * these helpers for every count they print; `k` undefined means the page did
 * not ask for suppression.
 *
 * @example
 *   isSuppressed(3, 5); // true
 *   suppressedLabel(5); // '< 5'
 */
export function isSuppressed(customers: number | null | undefined, k: number | undefined): boolean {
  return k !== undefined && customers !== null && customers !== undefined && customers < k;
}

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
