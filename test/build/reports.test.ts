/**
 * Client reports end to end, in a throw-away copy of the project: scaffold
 * from a generated event log -> build one report alone -> PDF; the privacy
 * guard (no customer id in the output, small cells `< 5`, a leak fails the
 * build); isolation (report A's site holds nothing of report B); data loaders
 * across builds (cached, re-run on a changed input, a failure fails the build).
 * Builds are shared: five in all, three of them of a single small report.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, noChromiumReason } from '../support/browser.ts';
import { serveStatic } from '../support/serve.ts';
import type { ReportConfig } from '../../src/report/reportConfig.ts';
import {
  buildAll,
  createReportProject,
  generateEventLog,
  runScript,
  type RunResult,
} from '../support/reportProject.ts';

const A = {
  slug: 'alpha-bank',
  name: '阿尔法储蓄银行',
  steps: ['alpha_visit', 'alpha_apply', 'alpha_verify', 'alpha_open', 'alpha_use'],
};
const B = {
  slug: 'beta-insure',
  name: 'Betaworth Insurance',
  steps: ['beta_quote', 'beta_compare', 'beta_buy'],
  customers: 1237,
};

let root = '';
let alphaIds: string[] = [];
let alpha: { csv: string; ids: string[] } = { csv: '', ids: [] };
let betaIds: string[] = [];
/** The first one-report build of A, for the tests that read it. */
let siteA = '';
let firstBuild: RunResult;

const journey = (args: string[]) => runScript(root, 'src/cli/main.ts', args);
const buildReport = (slug: string, extra: string[] = []) =>
  // --draft: the scaffold's <Todo> placeholders are still in (a final build refuses them).
  runScript(root, 'src/cli/main.ts', ['build-report', slug, '--no-playbook', '--draft', ...extra]);
const loaderRuns = async () =>
  (await readFile(join(root, 'data/reports', A.slug, 'runs.log'), 'utf8')).split('\n').filter(Boolean).length;

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Every output file's path and text (binary files by path only). */
async function outputText(dir: string): Promise<{ paths: string[]; text: string }> {
  const files = await allFiles(dir);
  const texts = await Promise.all(
    files.filter((f) => /\.(html|js|json|css|svg|csv|xml|txt)$/.test(f)).map((f) => readFile(f, 'utf8')),
  );
  return { paths: files.map((f) => relative(dir, f)), text: texts.join('\n') };
}

beforeAll(async () => {
  root = await createReportProject();
  await mkdir(join(root, 'exports'));
  // A: 200 customers, one segment of only 3; its data will come from a loader.
  alpha = generateEventLog({
    idPrefix: 'AQZ-',
    customers: 200,
    steps: A.steps,
    segments: { payroll: 150, young: 47, vip_trio: 3 },
    seed: 11,
  });
  alphaIds = alpha.ids;
  await writeFile(join(root, 'exports/alpha.csv'), alpha.csv);
  // A's survey: 60 of its customers rate two touchpoints and the journey (整体), 1-5.
  const surveyRows = ['客户,问题,评分'];
  for (let i = 0; i < 60; i++) {
    const [app, branch] = [1 + ((i * 7) % 5), 1 + ((i * 3) % 5)];
    const overall = Math.min(5, Math.max(1, Math.round((2 * app + branch) / 3 + ((i % 3) - 1) * 0.6)));
    for (const [question, score] of [
      ['alpha_app', app],
      ['alpha_branch', branch],
      ['整体', overall],
    ] as const)
      surveyRows.push(`${alpha.ids[i]},${question},${score}`);
  }
  await writeFile(join(root, 'exports/alpha-survey.csv'), surveyRows.join('\n') + '\n');
  const beta = generateEventLog({
    idPrefix: 'BWX9',
    customers: B.customers,
    steps: B.steps,
    continueRate: 0.5,
    seed: 12,
  });
  betaIds = beta.ids;
  await writeFile(join(root, 'exports/beta.csv'), beta.csv);
  // B's logo, copied by the scaffold to public/logos/beta-insure.svg (where A's build could pick it up).
  await writeFile(join(root, 'exports/beta-logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');

  const scaffoldA = await journey([
    'new',
    'report',
    A.slug,
    '--lang',
    'zh',
    '--name',
    A.name,
    '--data',
    'exports/alpha.csv',
    '--survey',
    'exports/alpha-survey.csv',
    '--survey-map',
    'customer_id=客户,event=问题,csat=评分',
    '--journey-question',
    '整体',
    '--brand',
    '#8a1538',
  ]);
  // The one warning: the segment of 3 customers is under k.
  expect(scaffoldA.stderr.trim()).toBe(
    'journey new report: 1 warning about exports/alpha.csv; run `journey check exports/alpha.csv --tz UTC` to see them',
  );
  expect(scaffoldA.code).toBe(0);
  const scaffoldB = await journey([
    'new',
    'report',
    B.slug,
    '--lang',
    'en',
    '--name',
    B.name,
    '--data',
    'exports/beta.csv',
    '--logo',
    'exports/beta-logo.svg',
  ]);
  expect(scaffoldB.code).toBe(0);

  // A's events now come from a loader (a stand-in for a warehouse query) reading a declared input.
  const dataA = join(root, 'data/reports', A.slug);
  await mkdir(join(dataA, 'raw'));
  await writeFile(join(dataA, 'raw/alpha.csv'), alpha.csv);
  await rm(join(dataA, 'alpha.csv'));
  await writeFile(
    join(dataA, 'events.csv.ts'),
    [
      '// @inputs raw/alpha.csv',
      "import { appendFileSync, readFileSync } from 'node:fs';",
      "appendFileSync('runs.log', 'run\\n');",
      "process.stdout.write(readFileSync('raw/alpha.csv', 'utf8'));",
    ].join('\n'),
  );
  const config = JSON.parse(await readFile(join(dataA, 'report.json'), 'utf8')) as ReportConfig;
  config.sources[0]!.path = 'events.csv';
  await writeFile(join(dataA, 'report.json'), JSON.stringify(config, null, 2));
  await writeFile(join(dataA, 'runs.log'), '');

  firstBuild = await buildReport(A.slug);
  siteA = join(root, 'dist-report', A.slug);
}, 180_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe('a report scaffolded from an event log', () => {
  it('proposes the funnel of the data and builds alone into dist-report/<client>/', async () => {
    expect(firstBuild.stderr + firstBuild.stdout).toContain('privacy-scan');
    expect(firstBuild.code, firstBuild.stderr.slice(-3000)).toBe(0);
    const config = JSON.parse(
      await readFile(join(root, 'data/reports', A.slug, 'report.json'), 'utf8'),
    ) as ReportConfig;
    expect(config.funnel.steps).toEqual(A.steps);
    const html = await readFile(join(siteA, 'reports', A.slug, 'index.html'), 'utf8');
    expect(html).toContain(A.name);
    for (const step of A.steps) expect(html).toContain(step);
    expect(html).toContain('--brand: #8a1538');
    // The survey's journey_question gives the driver matrix; its CSAT stands per touchpoint.
    expect(html).toContain('先改进哪个触点');
    expect(html).toContain('各触点满意度 (CSAT)');
    // The data note counts each source's rows: A's events (the log's lines but its header) and 180 answers.
    const eventRows = alpha.csv.trim().split('\n').length - 1;
    expect(html.replace(/<[^>]+>/g, '')).toContain(
      `各数据源的清洗：events.csv 保留 ${eventRows.toLocaleString('en-US')} 行，跳过 0 行无效数据，去除 0 行重复；alpha-survey.csv 保留 180 行，跳过 0 行无效数据，去除 0 行重复。`,
    );
  });

  it.runIf(hasChromium)(
    'prints a finished PDF: cover bare, numbered contents, no controls, its own title',
    async () => {
      const config = JSON.parse(await readFile(join(root, 'data/reports', A.slug, 'report.json'), 'utf8')) as object;
      await writeFile(
        join(root, 'data/reports', A.slug, 'report.json'),
        JSON.stringify({ ...config, author: '顾问 Anna Lee' }),
      );
      // report.json changed: pdf prints only a build of the current sources, so build again first.
      const stale = await runScript(root, 'src/cli/main.ts', ['pdf', A.slug, '--draft']);
      expect(stale.stderr).toMatch(/was built before the latest changes/);
      expect((await buildReport(A.slug)).code).toBe(0);
      const refused = await runScript(root, 'src/cli/main.ts', ['pdf', A.slug]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/placeholders \(<Todo>\) still in the report/);
      const result = await runScript(root, 'src/cli/main.ts', ['pdf', A.slug, '--draft']);
      expect(result.code, result.stderr).toBe(0);
      const pdf = join(root, 'dist-pdf', `${A.slug}.pdf`);
      expect(existsSync(pdf)).toBe(true);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(5);
      expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain(A.name);
      for (const step of A.steps) expect(text).toContain(step);
      expect(text).toMatch(/目录/);
      expect(info).toMatch(/^Title:\s+阿尔法储蓄银行客户旅程分析报告$/m); // no product name after it
      expect(info).toMatch(/^Author:\s+顾问 Anna Lee$/m);
      const pages = text.split('\f');
      const pageCount = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      // The cover has no running header and no page number; the pages after it have both.
      expect(pages[0]).not.toMatch(/第 \d+ 页/);
      expect(pages[1]).toContain(`第 2 页，共 ${pageCount} 页`);
      expect(pages[1]).toContain(A.name);
      // The contents give each section's page, and the section is on that page.
      const entry = /\d\.\s+目标\s+\.*\s*(\d+)/.exec(pages[1]!.replace(/_+/g, ' '));
      expect(entry, pages[1]).not.toBeNull();
      expect(pages[Number(entry![1]) - 1]).toMatch(/^\s*目标\s*$/m);
      // Nothing interactive is printed.
      expect(text).not.toMatch(/查看数据|下载 CSV|下载 SVG|CSV|▶/);
    },
    240_000,
  );
  it.runIf(hasChromium)('draws headings and chart bars in the brand colour', async () => {
    const server = await serveStatic(siteA);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/reports/${A.slug}/`);
      const colours = await page.evaluate(() => ({
        heading: getComputedStyle(document.querySelector('article h2')!).color,
        bar: getComputedStyle(
          document.querySelector('figure svg rect[fill*="chart-primary"], figure svg g[fill*="chart-primary"] rect')!,
        ).fill,
      }));
      expect(colours).toEqual({ heading: 'rgb(138, 21, 56)', bar: 'rgb(138, 21, 56)' });
    } finally {
      await browser.close();
      await server.close();
    }
  });
  if (!hasChromium) console.warn(`[reports] browser tests skipped: ${noChromiumReason}`);
});

describe('privacy (spec §10)', () => {
  it('puts no customer id of any report anywhere in the output', async () => {
    const { paths, text } = await outputText(siteA);
    const leaked = [...alphaIds, ...betaIds].filter((id) => text.includes(id) || paths.some((p) => p.includes(id)));
    expect(leaked).toEqual([]);
    expect(text).not.toContain('AQZ-');
  });

  it('shows a segment of 3 customers as "< 5", never the count', async () => {
    const html = await readFile(join(siteA, 'reports', A.slug, 'index.html'), 'utf8');
    const row = /<tr[^>]*>(?:(?!<\/tr>)[\s\S])*vip_trio(?:(?!<\/tr>)[\s\S])*<\/tr>/.exec(html)?.[0] ?? '';
    expect(row).not.toBe('');
    expect(row).toContain('&lt; 5');
    expect(row.replace(/<[^>]+>/g, ' ')).not.toMatch(/(^|\s)3(\s|$)/);
    // Every figure of the segment, in the table, the bars' data and the labels, is suppressed.
    const plain = html.replaceAll('&lt;', '<');
    const rows = plain.match(/<tr>(?:(?!<\/tr>)[\s\S])*data-value="vip_trio"(?:(?!<\/tr>)[\s\S])*<\/tr>/g) ?? [];
    expect(rows.length).toBe(A.steps.length);
    for (const r of rows)
      expect([...r.matchAll(/class="numeric" data-value="([^"]*)"/g)].map((m) => m[1])).toEqual(['< 5', '< 5', '< 5']);
    const bars = [...plain.matchAll(/<rect data-customers="([^"]*)" data-series="vip_trio"/g)].map((m) => m[1]);
    expect(bars).toEqual(A.steps.map(() => '< 5'));
    const labels = [...html.matchAll(/<text data-series="vip_trio"[^>]*>([^<]*)</g)].map((m) => m[1]);
    // Counts stand beside rates in the breakdown's labels: both suppressed.
    expect(labels).toEqual(A.steps.map(() => '&lt; 5 · &lt; 5'));
  });

  it('keeps report data out of public/ and out of the output', async () => {
    expect(await readdir(join(root, 'public'))).not.toContain('data');
    const { paths } = await outputText(siteA);
    // build-report's own marker (.journey-build-report.json) holds no data: only the outputs' record.
    expect(
      paths.filter(
        (p) => /\.(csv|tsv|parquet|arrow|ndjson)$|report\.json$/.test(p) && p !== '.journey-build-report.json',
      ),
    ).toEqual([]);
  });
});

describe('isolation of a one-report build', () => {
  it('holds no file and no string of another report', async () => {
    const { paths, text } = await outputText(siteA);
    expect(paths.filter((p) => p.includes(B.slug))).toEqual([]);
    for (const needle of [B.slug, B.name, 'Betaworth', ...B.steps, '1,237']) expect(text, needle).not.toContain(needle);
    expect(text).not.toMatch(/(?<![\w.])1237(?![\w.])/);
    // No logo of another report: neither B's nor the demo bank's, though public/logos/ holds both.
    expect(existsSync(join(root, 'public/logos', `${B.slug}.svg`))).toBe(true);
    expect(paths.filter((p) => p.startsWith('logos/'))).toEqual([]);
    for (const needle of ['demo-bank', '示例银行']) expect(text, needle).not.toContain(needle);
    // The reports index lists A alone.
    const index = await readFile(join(siteA, 'reports/index.html'), 'utf8');
    expect([...new Set(index.match(/href="\/reports\/[^"/]+\/"/g))]).toEqual([`href="/reports/${A.slug}/"`]);
  });
});

describe('data loaders across builds', () => {
  it('ran the loader once for the first build', async () => {
    expect(await loaderRuns()).toBe(1);
  });

  it('re-uses the cache in the next build, which includes every report', async () => {
    const full = await buildAll(root);
    expect(full.code, full.stderr.slice(-3000)).toBe(0);
    expect(await loaderRuns()).toBe(1);
    expect(existsSync(join(root, 'dist/reports', A.slug, 'index.html'))).toBe(true);
    expect(existsSync(join(root, 'dist/reports', B.slug, 'index.html'))).toBe(true);
  });

  it('re-runs the loader when its declared input changes', async () => {
    const extra = ['AQZ-9999,2026-02-01T10:00:00.000Z,alpha_visit,payroll', ''].join('\n');
    await appendFile(join(root, 'data/reports', A.slug, 'raw/alpha.csv'), extra);
    const result = await buildReport(A.slug);
    expect(result.code, result.stderr.slice(-3000)).toBe(0);
    expect(await loaderRuns()).toBe(2);
  });

  it('fails the build with the stderr of a failing loader', async () => {
    const slug = 'gamma-broken';
    const scaffold = await journey(['new', 'report', slug, '--lang', 'en']);
    expect(scaffold.code).toBe(0);
    await writeFile(
      join(root, 'data/reports', slug, 'events.csv.sh'),
      'echo "warehouse timeout: orders_2026 did not answer in 30 s" >&2\nexit 4\n',
    );
    const result = await buildReport(slug);
    expect(result.code).not.toBe(0);
    expect(result.stderr + result.stdout).toContain('warehouse timeout: orders_2026 did not answer in 30 s');
    expect(result.stderr + result.stdout).toMatch(/events\.csv\.sh failed \(exit code 4\)/);
    await rm(join(root, 'content/reports', slug), { recursive: true });
    await rm(join(root, 'data/reports', slug), { recursive: true });
  });
});

describe('the privacy scan itself', () => {
  it('fails the build when an id leaks, naming the file and masking the id', async () => {
    const slug = 'leaky-shop';
    const leak = generateEventLog({ idPrefix: 'LKY-', customers: 30, steps: ['look', 'buy'], seed: 13 });
    await writeFile(join(root, 'exports/leaky.csv'), leak.csv);
    const scaffold = await journey(['new', 'report', slug, '--lang', 'en', '--data', 'exports/leaky.csv']);
    expect(scaffold.code).toBe(0);
    await appendFile(join(root, 'content/reports', slug, 'index.mdx'), `\nOur most loyal customer: ${leak.ids[6]}.\n`);
    const result = await buildReport(slug);
    const output = result.stderr + result.stdout;
    expect(result.code).not.toBe(0);
    // The page and its search index fragment both hold it.
    expect(output).toContain('privacy scan: 2 customer ids found in the built site');
    expect(output).toMatch(
      new RegExp(`reports/${slug}/index\\.html:\\d+:\\d+: customer id LK\\*{6} of report "${slug}"`),
    );
    expect(output).not.toContain(leak.ids[6]);
  });
});
