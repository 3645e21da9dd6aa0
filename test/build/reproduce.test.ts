/**
 * "Reproduce this chart": every chart of the course has a closed disclosure
 * with its component call, the `journey` command and links to the demo files,
 * served under the base. Each displayed command, parsed from the built HTML
 * and run, prints JSON holding every figure of that chart's data table.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { COMMAND_PREFIX, shellWords } from '../../src/figures/reproduce.ts';
import { projectRoot } from '../support/build.ts';
import { htmlFiles } from '../support/links.ts';

const root = inject('siteRoot');
const base = inject('siteBase');
const siteDir = join(root, base);

interface Chart {
  where: string;
  figure: Element;
}
const charts: Chart[] = [];

beforeAll(async () => {
  for (const file of await htmlFiles(join(siteDir, 'playbook')).then(async (zh) => [
    ...zh,
    ...(await htmlFiles(join(siteDir, 'en/playbook'))),
  ])) {
    const { document } = parseHTML(await readFile(file, 'utf8'));
    for (const figure of document.querySelectorAll('figure.chart'))
      charts.push({ where: `/${relative(siteDir, file)}#${figure.id}`, figure });
  }
});

/** Columns derived from two results or from a total (lift, p, shares, ranks): not printed by one command. */
const DERIVED = /^(#|%|Lift|p|Significance|Change|提升|提升幅度|p 值|显著性|占比|变化)$/;

/** Every number in a JSON document. */
function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) for (const item of value) numbersIn(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) numbersIn(item, out);
  return out;
}

/** The numeric cells of a chart's data tables, outside derived columns. */
function tableFigures(figure: Element): { column: string; value: number }[] {
  const figures: { column: string; value: number }[] = [];
  for (const table of figure.querySelectorAll('details.chart-data table')) {
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    for (const row of table.querySelectorAll('tbody tr')) {
      [...row.children].forEach((cell, index) => {
        const column = headers[index] ?? '';
        const raw = cell.getAttribute('data-value');
        if (DERIVED.test(column) || raw === null || raw.trim() === '') return;
        const value = Number(raw);
        if (Number.isFinite(value)) figures.push({ column, value });
      });
    }
  }
  return figures;
}

async function runCommand(command: string): Promise<unknown> {
  const prefix = shellWords(COMMAND_PREFIX);
  const words = shellWords(command);
  expect(words.slice(0, prefix.length)).toEqual(prefix);
  let stdout = '';
  let stderr = '';
  const code = await main(words.slice(prefix.length), {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: projectRoot,
  });
  expect(code, `${command}\n${stderr}`).toBe(0);
  return JSON.parse(stdout);
}

describe('reproduce disclosures in the course', () => {
  it('every chart has a closed disclosure with the call and links to served demo files', () => {
    expect(charts.length).toBeGreaterThanOrEqual(60);
    const missing: string[] = [];
    for (const { where, figure } of charts) {
      const details = figure.querySelector('details.chart-reproduce');
      if (!details) {
        missing.push(where);
        continue;
      }
      expect(details.hasAttribute('open'), where).toBe(false);
      expect(details.querySelector('.reproduce-call')?.textContent, where).toMatch(/^<[A-Z]\w+ .* \/>$/);
      const links = [...details.querySelectorAll('.reproduce-files a')].map((a) => a.getAttribute('href') ?? '');
      expect(links.length, where).toBeGreaterThan(0);
      for (const href of links) {
        expect(href.startsWith(`${base}data/demo/`), `${where}: ${href}`).toBe(true);
        expect(existsSync(join(siteDir, href.slice(base.length))), `${where}: ${href} is served`).toBe(true);
      }
    }
    expect(missing).toEqual([]);
  });

  it('each displayed command prints every figure of its chart’s data table', async () => {
    let commands = 0;
    let checked = 0;
    for (const { where, figure } of charts) {
      const shown = [...figure.querySelectorAll('.reproduce-command')].map((el) => el.textContent);
      if (shown.length === 0) continue;
      const printed: number[] = [];
      for (const command of shown) {
        printed.push(...numbersIn(await runCommand(command)));
        commands++;
      }
      const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
      const absent = tableFigures(figure).filter(({ value }) => !printed.some((n) => close(n, value)));
      checked += tableFigures(figure).length;
      expect(absent, `${where}: figures not printed by\n${shown.join('\n')}`).toEqual([]);
    }
    expect(commands).toBeGreaterThanOrEqual(50);
    expect(checked).toBeGreaterThan(500);
  }, 300_000);
});
