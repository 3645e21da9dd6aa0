/**
 * Human output for the CLI: aligned text tables and the formatting of counts,
 * percentages, durations and plain numbers. Absent figures print as `–`.
 *
 * @example
 *   formatTable(['step', 'customers'], [['visit', formatCount(1200)]], ['left', 'right']);
 *   // step   customers
 *   // visit      1,200
 */
export type Alignment = 'left' | 'right';

const ABSENT = '–';

/** Display width: East Asian wide characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, alignment: Alignment): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return alignment === 'right' ? fill + text : text + fill;
}

/** Columns separated by two spaces; `alignments` defaults to left for every column. */
export function formatTable(headers: string[], rows: string[][], alignments: Alignment[] = []): string {
  const widths = headers.map((header, column) =>
    Math.max(displayWidth(header), ...rows.map((row) => displayWidth(row[column] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => pad(cell ?? '', widths[column]!, alignments[column] ?? 'left'))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return ABSENT;
  return Number.isInteger(value)
    ? value.toLocaleString('en-US')
    : value.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** A number with at most `digits` decimals, grouped (1,234.57). */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return ABSENT;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/**
 * A fraction as a percentage with one decimal: 0.2534 -> 25.3%. Rounded half
 * away from zero on the decimal value, as the pages round (3,678/12,000 ->
 * 30.7%; toFixed would give 30.6 from the binary 30.6499...).
 */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return ABSENT;
  const number = new Intl.NumberFormat('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
    roundingMode: 'halfExpand',
  });
  return `${number.format(fraction * 100)}%`;
}

/** Seconds as a short duration: 45s, 12m 5s, 3h 20m, 2d 4h. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return ABSENT;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole}s`;
  const units: [number, string][] = [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'm'],
    [1, 's'],
  ];
  const first = units.findIndex(([size]) => whole >= size);
  const [bigSize, bigName] = units[first]!;
  const [smallSize, smallName] = units[first + 1]!;
  const big = Math.floor(whole / bigSize);
  const small = Math.floor((whole - big * bigSize) / smallSize);
  return small > 0 ? `${big}${bigName} ${small}${smallName}` : `${big}${bigName}`;
}
