/**
 * The chart colour theme: CSS custom properties resolved by the page, so one
 * inline SVG reads in light, dark and print, and takes a report's `--brand`.
 * Series colours follow Okabe & Ito (colour-blind safe); a highlight is never
 * told by colour alone (charts also label it), and red is never set against green.
 * The values live in src/styles/charts.css.
 */
export const COLORS = {
  primary: 'var(--chart-primary)',
  muted: 'var(--chart-muted)',
  highlight: 'var(--chart-highlight)',
  before: 'var(--chart-before)',
  after: 'var(--chart-primary)',
  grid: 'var(--chart-grid)',
  text: 'currentColor',
  textMuted: 'var(--fg-muted)',
  onPrimary: 'var(--chart-on-primary)',
} as const;

/** Six categorical colours for series (breakdown buckets, channels, lanes). */
export const SERIES = [
  'var(--chart-s1)',
  'var(--chart-s2)',
  'var(--chart-s3)',
  'var(--chart-s4)',
  'var(--chart-s5)',
  'var(--chart-s6)',
] as const;

export function seriesColor(index: number): string {
  return SERIES[index % SERIES.length]!;
}

/** Plot options shared by every chart: page font, tabular figures, no Plot background. */
export const BASE_PLOT_OPTIONS = {
  style: {
    fontFamily: 'inherit',
    fontSize: '12px',
    fontVariantNumeric: 'tabular-nums',
    background: 'transparent',
    overflow: 'visible',
  },
} as const;

/** Rough width in px of a label at 12 px: CJK glyphs are square, Latin about 0.6 em. */
export function labelWidth(text: string, fontSizePx = 12): number {
  let width = 0;
  for (const char of text)
    width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(char) ? fontSizePx : fontSizePx * 0.6;
  return Math.ceil(width);
}
