/**
 * How a sortable table orders a numeric column in the browser. A numeric
 * column's raw values (`data-value`) are numbers, '' when missing, or a
 * suppressed cell's label (src/charts/chartTable.ts): suppressed cells sort
 * below every number, and empty cells go last either way.
 *
 * @example
 *   ['3', '', '< 5', '10'].sort(compareNumericKeys(true)); // ['< 5', '3', '10', '']
 */
function numberOf(key: string): number {
  if (key === '') return NaN;
  const value = Number(key);
  return Number.isNaN(value) ? -Infinity : value;
}

export function compareNumericKeys(ascending: boolean): (a: string, b: string) => number {
  return (a, b) => {
    const [u, v] = [numberOf(a), numberOf(b)];
    if (Number.isNaN(u) || Number.isNaN(v)) return Number.isNaN(u) ? (Number.isNaN(v) ? 0 : 1) : -1;
    const order = u === v ? 0 : u < v ? -1 : 1;
    return ascending ? order : -order;
  };
}
