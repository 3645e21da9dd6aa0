/**
 * Prints a built report (from `journey build-report <client>`, in
 * dist-report/<client>/) with Debian's Chromium to `dist-pdf/<client>.pdf`:
 * A4, a cover page (logo, client, title, date, summary, in the brand colour),
 * a table of contents, page numbers in the footer, the report's own pages in
 * order, charts as vector SVG that never split across pages, CJK text in Noto
 * CJK. The report's other language, when it has one, goes to
 * `dist-pdf/<client>.<lang>.pdf`. The command line is `journey pdf`
 * (src/cli/pdf.ts); this module logs nothing and resolves with the files written.
 *
 * @example
 *   const files = await printReport({ root: process.cwd(), client: 'demo-bank' });
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { customerIdsByReport, formatLeaks, productWords, scanPassed, type Leak } from '../integrations/privacyScan.ts';
import { reportOutDir } from './buildReport.ts';
import { createIdMatcher, findLeaks } from './findLeaks.ts';
import { setPdfInfo } from './pdfInfo.ts';
import { readOutputMarker, reportSourcesHash } from './reportOutput.ts';
import { readReportConfig } from './reportConfig.ts';
import { serveSite } from './staticServer.ts';

const run = promisify(execFile);

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export function missingChromiumMessage(path: string): string {
  return [
    `No Chromium at ${path}: the PDF is printed with Chromium.`,
    'Install it (Debian/Ubuntu) with:  sudo apt-get install -y chromium fonts-noto-cjk',
    'or point CHROMIUM_PATH at an installed Chromium or Chrome, e.g. CHROMIUM_PATH=/usr/bin/google-chrome npm run pdf -- <client>',
  ].join('\n');
}

export interface PdfOptions {
  root: string;
  client: string;
  /** The built site (default dist-report/<client>). */
  siteDir?: string;
  /** Where the PDFs go (default dist-pdf). */
  outDir?: string;
  /** The base path the site was built under (default /). */
  base?: string;
  /** Print only this language (default: every language of the report). */
  lang?: 'zh' | 'en';
  chromiumPath?: string;
}

const PRINT_CSS = `
  @page { size: A4; margin: 18mm 16mm; }
  /* The running header and page number: on every page but the cover. */
  @page {
    @top-left { content: var(--pdf-client); font-size: 8pt; color: #555; }
    @top-right { content: var(--pdf-title); font-size: 8pt; color: #555; }
    @bottom-center { content: var(--pdf-page); font-size: 8pt; color: #555; }
  }
  @page :first {
    @top-left { content: none; }
    @top-right { content: none; }
    @bottom-center { content: none; }
  }
  html, body { background: #fff !important; }
  .report-header, .site-header, .site-footer, .sidebar, .toc, .skip-link, .prev-next { display: none !important; }
  /* Nothing to click on paper: data tables, downloads, toggles and sliders stay out (the figures carry the numbers). */
  .chart-data, .chart-tools, .chart-download, .whatif-controls, [data-needs-script] { display: none !important; }
  .chart-legend-item { pointer-events: none; }
  .docs { display: block !important; padding: 0 !important; }
  .docs-main { max-width: none !important; margin: 0 !important; padding: 0 !important; }
  .pdf-cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; break-after: page; border-top: 14mm solid var(--brand); padding: 0 8mm; }
  .pdf-cover img { width: 28mm; height: auto; margin-bottom: 10mm; }
  .pdf-cover .pdf-client { font-size: 16pt; color: var(--brand); margin: 0 0 4mm; font-weight: 600; }
  .pdf-cover h1 { font-size: 26pt; line-height: 1.25; margin: 0 0 8mm; color: #000; }
  .pdf-cover .pdf-date { font-size: 11pt; color: #333; }
  .pdf-cover .pdf-summary { font-size: 11pt; color: #333; max-width: 150mm; margin-top: 8mm; }
  .pdf-toc { break-after: page; }
  .pdf-toc h2 { color: var(--brand); }
  .pdf-toc ol { list-style: none; padding: 0; }
  .pdf-toc li { margin: 1.5mm 0; display: flex; align-items: baseline; gap: 2mm; }
  .pdf-toc li.depth-3 { margin-left: 8mm; font-size: 0.95em; }
  .pdf-toc li::after { content: ''; order: 1; flex: 1; border-bottom: 1px dotted #999; }
  .pdf-toc a { color: #000; text-decoration: none; }
  .pdf-toc .pdf-toc-page { order: 2; min-width: 8mm; text-align: right; font-variant-numeric: tabular-nums; }
  .pdf-page { break-before: page; }
  /* Finds each heading's page in the first printing; invisible and out of the flow. */
  .pdf-mark { position: absolute; font-size: 1px; color: transparent; }
  a[href^='http']::after { content: none !important; }
  /* Pages break before top-level sections or where a figure would not fit: figures and tables never split. */
  h3, h4, figure, section { break-before: auto !important; }
  figure, svg, table, .report-figure, .report-kpis, [data-chart], .chart { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  /* A4 is narrower than a screen: wide figures shrink instead of being cut. */
  svg { max-width: 100%; height: auto; }
  .chart-body svg { max-height: 150mm; width: auto; }
  .journey-map { min-width: 0 !important; font-size: 7.5pt !important; }
  .journey-map th[scope='row'] { width: 5.5rem !important; }
  .chart-body, .journey-map-wrap { overflow: visible !important; }
`;

/** A CSS string literal (for `content:`), on one line. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r]+/g, ' ')}"`;
}

interface Composed {
  client: string;
  title: string;
  summary: string;
  /** Each contents entry's heading marker, in order. */
  marks: string[];
}

/** Builds the cover and the table of contents in the page, and appends the report's further pages. */
async function compose(page: Page, extraPages: string[], tocLabel: string): Promise<Composed> {
  return page.evaluate(
    async ({ css, extraPages, tocLabel }) => {
      document.documentElement.dataset.theme = 'light';
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
      const main = document.querySelector('main') ?? document.body;
      const article = document.querySelector('article') ?? main;
      for (const href of extraPages) {
        const html = await (await fetch(href)).text();
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const section = document.createElement('section');
        section.className = 'pdf-page';
        const heading = document.createElement('h2');
        heading.textContent = doc.querySelector('.report-header h1')?.textContent ?? '';
        heading.id = `pdf-page-${extraPages.indexOf(href) + 1}`;
        section.append(
          heading,
          ...Array.from(doc.querySelector('article')?.childNodes ?? []).map((n) => document.importNode(n, true)),
        );
        article.append(section);
      }
      const header = document.querySelector('.report-header');
      const clientLine = header?.querySelector('.report-client')?.textContent?.trim() ?? '';
      const client = clientLine.replace(/^[^:：]*[:：]\s*/, '');
      const title = header?.querySelector('h1')?.textContent?.trim() ?? document.title;
      const summaryText = header?.querySelector('.report-summary')?.textContent?.trim() ?? '';
      const cover = document.createElement('section');
      cover.className = 'pdf-cover';
      const logo = header?.querySelector('img');
      if (logo) cover.append(logo.cloneNode(true));
      const clientElement = document.createElement('p');
      clientElement.className = 'pdf-client';
      clientElement.textContent = client;
      const titleElement = document.createElement('h1');
      titleElement.textContent = title;
      const date = document.createElement('p');
      date.className = 'pdf-date';
      date.textContent = header?.querySelector('.report-date')?.textContent?.trim() ?? '';
      const summary = document.createElement('p');
      summary.className = 'pdf-summary';
      summary.textContent = summaryText;
      cover.append(clientElement, titleElement, date, summary);

      const toc = document.createElement('nav');
      toc.className = 'pdf-toc';
      const tocHeading = document.createElement('h2');
      tocHeading.textContent = tocLabel;
      const list = document.createElement('ol');
      const marks: string[] = [];
      let h2 = 0;
      let h3 = 0;
      article.querySelectorAll('h2, h3').forEach((heading, index) => {
        if (!heading.id) heading.id = `pdf-heading-${index}`;
        const depth = heading.tagName === 'H2' ? 2 : 3;
        if (depth === 2) {
          h2 += 1;
          h3 = 0;
        } else h3 += 1;
        const mark = `JKPDFMARK${index}X`;
        marks.push(mark);
        const marker = document.createElement('span');
        marker.className = 'pdf-mark';
        marker.textContent = mark;
        heading.prepend(marker);
        const item = document.createElement('li');
        item.className = `depth-${depth}`;
        const link = document.createElement('a');
        link.href = `#${heading.id}`;
        link.textContent = `${depth === 2 ? `${h2}.` : `${h2}.${h3}`} ${heading.textContent?.replace(mark, '').trim() ?? ''}`;
        const pageNumber = document.createElement('span');
        pageNumber.className = 'pdf-toc-page';
        item.append(link, pageNumber);
        list.append(item);
      });
      toc.append(tocHeading, list);
      main.prepend(cover, toc);
      // The PDF's title is the report's, without the site's name.
      document.title = title;
      await document.fonts.ready;
      return { client, title, summary: summaryText, marks };
    },
    { css: PRINT_CSS, extraPages, tocLabel },
  );
}

/** Each marker's page (1-based) in a printed PDF, from its text; null when pdftotext is missing. */
async function markerPages(pdf: Buffer, marks: string[]): Promise<(number | null)[] | null> {
  const dir = await mkdtemp(join(tmpdir(), 'journey-pdf-'));
  try {
    const file = join(dir, 'draft.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    const pages = stdout.split('\f').map((text) => text.replace(/\s+/g, ''));
    return marks.map((mark) => {
      const index = pages.findIndex((text) => text.includes(mark));
      return index < 0 ? null : index + 1;
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Prints one language of a report to `file`, with its document information. */
async function printPage(browser: Browser, url: string, file: string, author: string | undefined): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || !response.ok())
      throw new Error(`cannot open ${url} (HTTP ${response?.status() ?? 'no response'})`);
    const lang = (await page.getAttribute('html', 'lang')) ?? 'zh-CN';
    const zh = lang.startsWith('zh');
    // The report's other pages in the same language, in sidebar order.
    const extraPages = await page.$$eval('.sidebar a', (links) =>
      links.filter((a) => a.getAttribute('aria-current') !== 'page').map((a) => (a as HTMLAnchorElement).href),
    );
    const { client, title, summary, marks } = await compose(page, extraPages, zh ? '目录' : 'Contents');
    const pageText = zh
      ? '"第 " counter(page) " 页，共 " counter(pages) " 页"'
      : '"Page " counter(page) " of " counter(pages)';
    await page.addStyleTag({
      content: `:root { --pdf-client: ${cssString(client)}; --pdf-title: ${cssString(title)}; --pdf-page: ${pageText}; }`,
    });
    const options = {
      format: 'A4',
      printBackground: true,
      outline: true,
      tagged: true,
      preferCSSPageSize: true,
    } as const;
    // The contents' page numbers: print once, find each heading's page, write the numbers, print again.
    const pages = await markerPages(await page.pdf(options), marks);
    await page.evaluate((numbers) => {
      document.querySelectorAll('.pdf-toc-page').forEach((cell, index) => {
        cell.textContent = numbers?.[index] == null ? '' : String(numbers[index]);
      });
      document.querySelectorAll('.pdf-mark').forEach((marker) => marker.remove());
    }, pages);
    const pdf = await page.pdf(options);
    await writeFile(file, setPdfInfo(pdf, { Title: title, Author: author, Subject: summary || undefined }));
  } finally {
    await page.close();
  }
}

/**
 * Why the build in `siteDir` must not be printed, or null: it has to be a
 * complete `journey build-report` output whose privacy scan passed, made from
 * the report's current content and data.
 */
export async function whyNotPrintable(root: string, client: string, siteDir: string): Promise<string | null> {
  const shown = relative(root, siteDir) || siteDir;
  const marker = readOutputMarker(siteDir);
  if (!marker || !scanPassed(siteDir))
    return `${shown}/ is not a complete build that passed the privacy scan; run \`journey build-report ${client}\` first`;
  if (marker.client !== client) return `${shown}/ holds the report "${marker.client}", not "${client}"`;
  if (marker.sources !== (await reportSourcesHash(root, client)))
    return `${shown}/ was built before the latest changes to content/reports/${client}/ or data/reports/${client}/; run \`journey build-report ${client}\` first, so the PDF shows the current report`;
  return null;
}

/** Scans the PDFs' text (pdftotext) for every report's customer ids; a leak removes the PDFs and fails. */
export async function scanPdfs(root: string, files: string[]): Promise<void> {
  const { ids } = await customerIdsByReport(root);
  const isProductWord = await productWords(root);
  const leaks: Leak[] = [];
  for (const file of files) {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 256 * 1024 * 1024 }).toString(
      'utf8',
    );
    for (const [report, set] of ids) {
      const matcher = createIdMatcher(set, { isProductWord });
      for (const id of findLeaks(text, matcher)) leaks.push({ file: relative(root, file), report, id, where: 'text' });
    }
  }
  if (leaks.length > 0) {
    for (const file of files) await rm(file, { force: true });
    throw new Error(`${formatLeaks(leaks).replace('in the built site', 'in the PDF')}\nThe PDFs were removed.`);
  }
}

/** Prints the report's languages; resolves with the PDF paths written. */
export async function printReport(options: PdfOptions): Promise<string[]> {
  const root = resolve(options.root);
  const siteDir = resolve(root, options.siteDir ?? reportOutDir(root, options.client));
  const base = options.base ?? '/';
  // Without Chromium nothing can print: say how to install it before anything else.
  const chromiumPath = options.chromiumPath ?? CHROMIUM_PATH;
  if (!existsSync(chromiumPath)) throw new Error(missingChromiumMessage(chromiumPath));
  const indexHtml = join(siteDir, 'reports', options.client, 'index.html');
  if (!existsSync(indexHtml)) {
    throw new Error(
      `no built report at ${indexHtml}: build it first with \`npm run build:report -- ${options.client}\` (or give --site DIR)`,
    );
  }
  const stale = await whyNotPrintable(root, options.client, siteDir);
  if (stale) throw new Error(stale);
  const outDir = resolve(root, options.outDir ?? 'dist-pdf');
  await mkdir(outDir, { recursive: true });
  const { chromium } = await import('playwright-core');
  const server = await serveSite(siteDir, base);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    const reportPath = `${base}reports/${options.client}/`;
    const probe = await browser.newPage();
    await probe.goto(`${server.origin}${reportPath}`);
    const mainLang = (await probe.getAttribute('html', 'lang'))?.startsWith('zh') ? 'zh' : 'en';
    const switchHref = await probe.getAttribute('[data-language-switch]', 'href').catch(() => null);
    await probe.close();
    const targets: { lang: 'zh' | 'en'; url: string; file: string }[] = [
      { lang: mainLang, url: `${server.origin}${reportPath}`, file: join(outDir, `${options.client}.pdf`) },
    ];
    const otherLang = mainLang === 'zh' ? 'en' : 'zh';
    if (switchHref && switchHref.startsWith(reportPath)) {
      targets.push({
        lang: otherLang,
        url: `${server.origin}${switchHref}`,
        file: join(outDir, `${options.client}.${otherLang}.pdf`),
      });
    }
    const chosen = options.lang ? targets.filter((t) => t.lang === options.lang) : targets;
    if (chosen.length === 0) throw new Error(`the report "${options.client}" has no ${options.lang} version`);
    const author = await readReportConfig(root, options.client).then(
      (config) => config.author,
      () => undefined, // printing a site given with --site, without its report.json
    );
    for (const target of chosen) await printPage(browser, target.url, target.file, author);
    await scanPdfs(
      root,
      chosen.map((t) => t.file),
    );
    return chosen.map((t) => t.file);
  } finally {
    await browser?.close();
    await server.close();
  }
}
