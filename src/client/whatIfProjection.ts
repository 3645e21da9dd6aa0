/**
 * The what-if projection, small enough for the browser: raise step s's
 * conversion from the previous step by a relative uplift (capped at 100%) and
 * carry every later step at its current conversion. Mirrors
 * src/analytics/analyses/whatIf.ts (a unit test holds them equal) without Arquero.
 *
 * @example
 *   projectCustomers([1000, 400, 100], [null, 0.4, 0.25], 2, 0.5); // [1000, 600, 150]
 */
export function projectCustomers(
  customers: readonly number[],
  fromPrevious: readonly (number | null)[],
  step: number,
  uplift: number,
): number[] {
  const projected: number[] = [];
  customers.forEach((count, index) => {
    if (index < step - 1) projected.push(count);
    else if (index === step - 1)
      projected.push(projected[index - 1]! * Math.min(1, (fromPrevious[index] ?? 0) * (1 + uplift)));
    else projected.push(projected[index - 1]! * (fromPrevious[index] ?? 0));
  });
  return projected;
}
