/**
 * Every chart on every built page has data and says where its data comes
 * from: a <figure class="chart"> with a caption holding a title and a source
 * line, and either drawn marks or a table with rows of figures; no NaN.
 * The playbook must actually show charts, in both languages alike.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { htmlFiles } from '../support/links.ts';

const root = inject('siteRoot');
const base = inject('siteBase');
const siteDir = join(root, base);

interface Chart {
  page: string;
  id: string;
  kind: string;
  figure: Element;
}

const charts: Chart[] = [];

beforeAll(async () => {
  for (const file of await htmlFiles(siteDir)) {
    const page = '/' + relative(siteDir, file).replace(/index\.html$/, '');
    const { document } = parseHTML(await readFile(file, 'utf8'));
    for (const figure of document.querySelectorAll('figure.chart')) {
      charts.push({
        page,
        id: figure.getAttribute('id') ?? '(no id)',
        kind: figure.getAttribute('data-chart') ?? '',
        figure,
      });
    }
  }
});

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const where = (chart: Chart) => `${chart.page}#${chart.id} (${chart.kind})`;

describe('charts in the built site', () => {
  it('the playbook shows charts in both languages, as many in each', () => {
    const zh = charts.filter((c) => c.page.startsWith('/playbook/'));
    const en = charts.filter((c) => c.page.startsWith('/en/playbook/'));
    expect(zh.length).toBeGreaterThanOrEqual(30);
    expect(en.length).toBe(zh.length);
    // Every kind of chart appears somewhere in the course.
    expect(new Set(zh.map((c) => c.kind))).toEqual(new Set(en.map((c) => c.kind)));
    expect(new Set(zh.map((c) => c.kind)).size).toBeGreaterThanOrEqual(7);
  });

  it('every chart has a caption with a title and a data source', () => {
    const missing: string[] = [];
    for (const chart of charts) {
      const caption = chart.figure.querySelector('figcaption');
      const title = text(caption?.querySelector('.chart-title') ?? null);
      const sources = [...(caption?.querySelectorAll('.chart-source') ?? [])].map((el) => text(el));
      const source = sources.find((line) => /^(Source|数据来源)\s*[:：]\s*\S/.test(line));
      if (!caption || !title || !source)
        missing.push(
          `${where(chart)}: caption ${caption ? 'ok' : 'missing'}, title "${title}", source "${sources.join(' | ')}"`,
        );
    }
    expect(missing).toEqual([]);
  });

  it('every chart has data: drawn marks or rows of figures, and no NaN', () => {
    const empty: string[] = [];
    for (const chart of charts) {
      const svg = chart.figure.querySelector('svg');
      const marks = svg ? svg.querySelectorAll('rect, path, circle, line, polygon').length : 0;
      const rows = [...chart.figure.querySelectorAll('table tbody tr')].filter((row) => /\d/.test(text(row)));
      const all = text(chart.figure);
      if ((svg && marks === 0) || rows.length === 0 || /\bNaN\b|undefined/.test(all)) {
        empty.push(
          `${where(chart)}: ${svg ? `${marks} marks` : 'no svg'}, ${rows.length} data rows${/\bNaN\b|undefined/.test(all) ? ', NaN or undefined in text' : ''}`,
        );
      }
    }
    expect(empty).toEqual([]);
  });

  it('charts computed from demo data say so in their source line', () => {
    const unlabelled = charts
      .filter((chart) => /playbook\//.test(chart.page))
      .filter((chart) => !/(demo data|演示数据)/.test(text(chart.figure.querySelector('figcaption'))))
      .map(where);
    expect(unlabelled).toEqual([]);
  });
});
