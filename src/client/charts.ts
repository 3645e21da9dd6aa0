/**
 * The one script behind every chart (a few KB; no Plot, d3 or Arquero): the
 * charts are already drawn in the HTML, and their marks carry their data as
 * attributes. Adds tooltips on hover and keyboard focus, legend toggles,
 * CSV and SVG downloads, sortable tables and the what-if slider.
 */
import { csvField } from '../charts/chartTable.ts';
import { formatMoney, formatProjected, formatSignedPercent } from '../charts/format.ts';
import { compareNumericKeys } from './sortKey.ts';
import { projectCustomers } from './whatIfProjection.ts';
import type { Lang } from '../i18n/locales.ts';

const FIGURE = 'figure[data-chart]';

// Tooltips: one per figure (role="tooltip"), tied to the mark by aria-describedby while shown.
let shownMark: Element | null = null;

function tipOf(mark: Element): HTMLElement | null {
  return mark.closest(FIGURE)?.querySelector<HTMLElement>('[role="tooltip"]') ?? null;
}

function showTip(mark: Element): void {
  const tip = tipOf(mark);
  if (!tip) return;
  if (shownMark && shownMark !== mark) hideTip();
  const box = (tip.offsetParent ?? tip.parentElement ?? document.body).getBoundingClientRect();
  const rect = mark.getBoundingClientRect();
  tip.textContent = mark.getAttribute('data-tip');
  tip.style.left = `${Math.max(80, Math.min(box.width - 80, rect.left + rect.width / 2 - box.left))}px`;
  tip.style.top = `${rect.top - box.top}px`;
  tip.hidden = false;
  mark.setAttribute('aria-describedby', tip.id);
  shownMark = mark;
}

function hideTip(): void {
  if (!shownMark) return;
  const tip = tipOf(shownMark);
  if (tip) tip.hidden = true;
  shownMark.removeAttribute('aria-describedby');
  shownMark = null;
}

const markOf = (target: EventTarget | null) => (target instanceof Element ? target.closest('[data-tip]') : null);

document.addEventListener('pointerover', (event) => {
  const mark = markOf(event.target);
  if (mark) showTip(mark);
});
document.addEventListener('pointerout', (event) => {
  if (markOf(event.target) && markOf(event.target) === shownMark && document.activeElement !== shownMark) hideTip();
});
document.addEventListener('focusin', (event) => {
  const mark = markOf(event.target);
  if (mark) showTip(mark);
});
document.addEventListener('focusout', (event) => {
  if (markOf(event.target) === shownMark) hideTip();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') hideTip();
});

// Legend toggles: hide or show every element of a series.
document.addEventListener('click', (event) => {
  const button =
    event.target instanceof Element ? event.target.closest<HTMLButtonElement>('[data-series-toggle]') : null;
  if (!button) return;
  const figure = button.closest(FIGURE);
  const series = button.getAttribute('data-series-toggle');
  const shown = button.getAttribute('aria-pressed') !== 'true';
  button.setAttribute('aria-pressed', String(shown));
  figure?.querySelectorAll<SVGElement>('[data-series]').forEach((element) => {
    if (element.getAttribute('data-series') === series) element.style.display = shown ? '' : 'none';
  });
});

// Downloads: the table as CSV (raw values), the SVG with the page's colours resolved.
function tableCsv(table: HTMLTableElement): string {
  return (
    Array.from(table.rows)
      .map((row) =>
        Array.from(row.cells)
          .map((cell) => csvField(cell.getAttribute('data-value') ?? cell.textContent?.trim() ?? ''))
          .join(','),
      )
      .join('\r\n') + '\r\n'
  );
}

function standaloneSvg(svg: SVGSVGElement): string {
  const style = getComputedStyle(svg);
  const text = new XMLSerializer().serializeToString(svg);
  return text
    .replace(/var\((--[\w-]+)\)/g, (_, name: string) => style.getPropertyValue(name).trim() || '#000')
    .replace(/currentColor/g, style.color);
}

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-download]') : null;
  const figure = link?.closest(FIGURE);
  if (!link || !figure) return;
  if (link.dataset.download === 'csv') {
    const table =
      figure.querySelector<HTMLTableElement>('details table') ?? figure.querySelector<HTMLTableElement>('table');
    if (table) link.href = `data:text/csv;charset=utf-8,${encodeURIComponent('\ufeff' + tableCsv(table))}`;
  } else {
    const svg = figure.querySelector<SVGSVGElement>('.chart-body svg');
    if (svg) link.href = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(standaloneSvg(svg))}`;
  }
});

// Sortable tables: numeric columns by raw value, others by text; the header says which way.
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('[data-sort-column]') : null;
  const table = button?.closest('table');
  const body = table?.tBodies[0];
  if (!button || !table || !body) return;
  const column = Number(button.dataset.sortColumn);
  const header = button.closest('th');
  const ascending = header?.getAttribute('aria-sort') !== 'ascending';
  const numeric = button.hasAttribute('data-numeric');
  const key = (row: HTMLTableRowElement) => {
    const cell = row.cells[column];
    return cell?.getAttribute('data-value') ?? cell?.textContent ?? '';
  };
  const byNumber = compareNumericKeys(ascending);
  const rows = Array.from(body.rows).sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (!numeric) return ascending ? x.localeCompare(y) : y.localeCompare(x);
    return byNumber(x, y);
  });
  table.querySelectorAll('th[aria-sort]').forEach((th) => th.removeAttribute('aria-sort'));
  header?.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  body.append(...rows);
});

// What-if: recompute the projection from the slider, in place of the built default.
interface WhatIfConfig {
  lang: Lang;
  step: number;
  customers: number[];
  fromPrevious: (number | null)[];
  aov: number | null;
  currency: string | null;
}

function updateWhatIf(figure: Element, holder: Element, input: HTMLInputElement): void {
  const config = JSON.parse(holder.getAttribute('data-whatif') ?? '{}') as WhatIfConfig;
  const uplift = Number(input.value);
  const projected = projectCustomers(config.customers, config.fromPrevious, config.step, uplift);
  const last = projected.length - 1;
  const additional = projected[last]! - config.customers[last]!;
  const set = (name: string, text: string) =>
    figure.querySelectorAll(`[data-whatif-out="${name}"]`).forEach((element) => (element.textContent = text));
  set('uplift', formatSignedPercent(uplift, config.lang, 0));
  set('additional', formatProjected(additional, config.lang));
  set(
    'value',
    config.aov === null ? '–' : formatMoney(additional * config.aov, config.lang, config.currency ?? undefined),
  );
  input.setAttribute('aria-valuetext', formatSignedPercent(uplift, config.lang, 0));
  const rows = figure.querySelector<HTMLTableElement>('details table')?.tBodies[0]?.rows;
  projected.forEach((value, index) => {
    // Table columns: step, current, projected, additional.
    const cells = rows?.[index]?.cells;
    [value, value - config.customers[index]!].forEach((figureValue, offset) => {
      const cell = cells?.[2 + offset];
      if (!cell) return;
      cell.textContent = formatProjected(figureValue, config.lang);
      cell.setAttribute('data-value', String(figureValue));
    });
    const bar = figure.querySelector(`[data-whatif-bar="${index}"]`);
    if (bar) {
      const width = value * Number(bar.getAttribute('data-px-per-customer'));
      bar.setAttribute('width', String(width));
      const label = figure.querySelector(`[data-whatif-label="${index}"]`);
      const x = Number(bar.getAttribute('data-x0')) + width;
      label?.setAttribute(
        'transform',
        (label.getAttribute('transform') ?? '').replace(/translate\([^,]+,/, `translate(${x},`),
      );
      if (label) label.textContent = formatProjected(value, config.lang);
    }
  });
}

document.addEventListener('input', (event) => {
  const input =
    event.target instanceof HTMLInputElement && event.target.matches('[data-whatif-input]') ? event.target : null;
  const holder = input?.closest('[data-whatif]');
  const figure = input?.closest(FIGURE);
  if (input && holder && figure) updateWhatIf(figure, holder, input);
});

// Enhancements that only work with this script are revealed by it.
for (const tools of document.querySelectorAll<HTMLElement>('[data-chart-tools]')) tools.hidden = false;
for (const control of document.querySelectorAll<HTMLElement>('[data-needs-script]')) control.hidden = false;
