/**
 * Lighthouse (Node API, mobile preset, simulated throttling: its defaults) on
 * the home pages, a chapter with charts, the gallery and the demo report,
 * served gzip-compressed from 127.0.0.1 as GitHub Pages serves them, in
 * Debian's Chromium launched by chrome-launcher. Prints the scores per page
 * and the audits that cost points; targets: performance >= 95,
 * accessibility 100, best practices >= 95, SEO >= 95.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_PATH, hasChromium, noChromiumReason } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/serve.ts';

const root = inject('siteRoot');
const base = inject('siteBase');

const PAGES = [
  '',
  'en/',
  'playbook/funnels/',
  'en/playbook/funnels/',
  'gallery/',
  'en/gallery/',
  'reports/demo-bank/',
  'reports/demo-bank/en/',
];
const TARGETS: Record<string, number> = { performance: 95, accessibility: 100, 'best-practices': 95, seo: 95 };
/** Performance under simulated throttling still varies with the machine's load: a page below target is measured again, up to this many runs, and its best run counts. */
const MAX_RUNS = 3;

if (!hasChromium) console.warn(`[lighthouse] skipped: ${noChromiumReason}`);

interface PageScores {
  path: string;
  scores: Record<string, number>;
  /** Performance score of every run, in order. */
  runs: number[];
  losses: string[];
}

describe.runIf(hasChromium)('Lighthouse, mobile', () => {
  let server: StaticServer;
  let chrome: chromeLauncher.LaunchedChrome;
  const results: PageScores[] = [];

  beforeAll(async () => {
    server = await serveStatic(root, join(root, base, '404.html'), { gzip: true });
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM_PATH,
      chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    chrome?.kill();
    await server?.close();
    if (!results.length) return;
    const rows = results.map(({ path, scores, runs }) =>
      [
        `/${path}`.padEnd(24),
        ...Object.keys(TARGETS).map((c) => String(scores[c]).padStart(14)),
        `  ${runs.join(', ')}`,
      ].join(''),
    );
    console.log(
      [
        'page'.padEnd(24) +
          Object.keys(TARGETS)
            .map((c) => c.padStart(14))
            .join('') +
          '  performance per run',
        ...rows,
      ].join('\n') +
        '\n' +
        results.flatMap(({ path, losses }) => losses.map((loss) => `  /${path}: ${loss}`)).join('\n'),
    );
    const file = join(tmpdir(), 'journey-kit-lighthouse.json');
    await writeFile(file, JSON.stringify(results, null, 2));
    console.log(`[lighthouse] scores written to ${file}`);
  });

  async function audit(path: string): Promise<Omit<PageScores, 'runs'>> {
    const result = await lighthouse(`${server.origin}${base}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
    });
    if (!result) throw new Error(`Lighthouse returned nothing for /${path}`);
    const { categories, audits, runtimeError } = result.lhr;
    if (runtimeError) throw new Error(`Lighthouse on /${path}: ${runtimeError.code} ${runtimeError.message}`);
    const scores = Object.fromEntries(
      Object.keys(TARGETS).map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)]),
    );
    const losses = Object.keys(TARGETS).flatMap((c) =>
      (categories[c]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && audits[ref.id]!.score !== null && audits[ref.id]!.score! < 1)
        .map((ref) => `${c} ${ref.id} ${audits[ref.id]!.score} ${audits[ref.id]!.displayValue ?? ''}`.trim()),
    );
    return { path, scores, losses };
  }

  for (const path of PAGES) {
    it(`meets the targets on /${path}`, async () => {
      let best: PageScores | undefined;
      const runs: number[] = [];
      for (let run = 1; run <= MAX_RUNS; run++) {
        const measured = await audit(path);
        runs.push(measured.scores.performance!);
        if (!best || measured.scores.performance! > best.scores.performance!) best = { ...measured, runs };
        if (Object.entries(TARGETS).every(([c, target]) => best!.scores[c]! >= target)) break;
      }
      results.push(best!);
      const missed = Object.entries(TARGETS)
        .filter(([c, target]) => best!.scores[c]! < target)
        .map(([c, target]) => `${c} ${best!.scores[c]} < ${target}`);
      expect(missed, `/${path}: ${best!.losses.join('; ')}`).toEqual([]);
    });
  }
});
