/**
 * Benchmark (not a test): builds the site and prints, per page, the gzip size
 * of the JavaScript, CSS and HTML it loads, each page's render time from the
 * build log, and the total build time; then checks the budget: at most 15 KB
 * gzip of JS on the gallery and on every report page, and no Plot, d3 or
 * Arquero in any client bundle.
 *
 * Usage: npm run bench:site [-- --all]   (--all lists every page, not only gallery and reports)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const JS_BUDGET_BYTES = 15 * 1024;
/** Strings only the server-side libraries hold: Plot's class name and marks, d3-sankey, Arquero's verbs. */
const LIBRARY_SIGNATURES: [string, RegExp][] = [
  ['Observable Plot', /plot-d6a7b5|observablehq|barX|ruleY/],
  ['d3', /sankeyLinkHorizontal|d3-|scaleLinear|forceSimulation/],
  ['Arquero', /arquero|ColumnTable|rollup\(/],
];

function build(outDir: string): Promise<{ ms: number; log: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
      {
        cwd: ROOT,
        env: { ...process.env, BASE: '/', ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('close', (code) =>
      code === 0 ? resolve({ ms: performance.now() - started, log }) : reject(new Error(log.slice(-3000))),
    );
  });
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(dir, file));
}

const gzip = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Page render times from Astro's log: "├─ /en/gallery/index.html (+1.05s)". */
function renderTimes(log: string): Map<string, number> {
  const times = new Map<string, number>();
  for (const match of log.matchAll(/[├└]─ (\S+\/index\.html|\S+\.html) \(\+(\d+(?:\.\d+)?)(ms|s)\)/g)) {
    times.set(match[1]!, Number(match[2]) * (match[3] === 's' ? 1000 : 1));
  }
  return times;
}

async function main() {
  const all = process.argv.includes('--all');
  const outDir = mkdtempSync(join(tmpdir(), 'journey-kit-bench-'));
  try {
    const { ms, log } = await build(outDir);
    const times = renderTimes(log);
    const asset = (src: string) => readFileSync(join(outDir, src.replace(/^\//, '')));
    const rows: { page: string; js: number; css: number; html: number; renderMs: number | undefined }[] = [];
    for (const file of htmlFiles(outDir)) {
      const html = readFileSync(file, 'utf8');
      const page = '/' + relative(outDir, file);
      if (!all && !page.includes('/gallery/') && !page.includes('/reports/')) continue;
      let js = 0;
      let css = 0;
      for (const [, src] of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) js += gzip(asset(src!));
      for (const [, body] of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) js += gzip(body!);
      for (const [, href] of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) css += gzip(asset(href!));
      for (const [, body] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) css += gzip(body!);
      rows.push({ page, js, css, html: gzip(html), renderMs: times.get(page) });
    }
    rows.sort((a, b) => a.page.localeCompare(b.page));
    console.log(`site built in ${(ms / 1000).toFixed(1)} s (${htmlFiles(outDir).length} pages)\n`);
    console.log(
      ['page'.padEnd(44), 'JS gz'.padStart(9), 'CSS gz'.padStart(9), 'HTML gz'.padStart(9), 'render'.padStart(9)].join(
        ' ',
      ),
    );
    for (const row of rows) {
      const render = row.renderMs === undefined ? '' : `${Math.round(row.renderMs)} ms`;
      console.log(
        [
          row.page.padEnd(44),
          kb(row.js).padStart(9),
          kb(row.css).padStart(9),
          kb(row.html).padStart(9),
          render.padStart(9),
        ].join(' '),
      );
    }

    const overBudget = rows.filter(
      (row) => (row.page.includes('/gallery/') || row.page.includes('/reports/')) && row.js > JS_BUDGET_BYTES,
    );
    const bundles = readdirSync(join(outDir, '_astro')).filter((file) => file.endsWith('.js'));
    const leaks: string[] = [];
    for (const bundle of bundles) {
      const text = readFileSync(join(outDir, '_astro', bundle), 'utf8');
      for (const [name, signature] of LIBRARY_SIGNATURES)
        if (signature.test(text)) leaks.push(`${bundle}: looks like ${name}`);
    }
    const bundleSizes = bundles.map((bundle) => `${bundle} ${kb(gzip(readFileSync(join(outDir, '_astro', bundle))))}`);
    console.log(`\nclient bundles (gzip): ${bundleSizes.join(', ')}`);
    console.log(
      `JS budget (${kb(JS_BUDGET_BYTES)} on gallery and report pages): ${overBudget.length === 0 ? 'met' : `OVER on ${overBudget.map((row) => row.page).join(', ')}`}`,
    );
    console.log(`Plot, d3, Arquero in client bundles: ${leaks.length === 0 ? 'none' : leaks.join('; ')}`);
    const galleryMs = Math.max(...rows.filter((row) => row.page.includes('/gallery/')).map((row) => row.renderMs ?? 0));
    console.log(
      `slowest gallery page render: ${Math.round(galleryMs)} ms (pages render after a shared ${(ms / 1000).toFixed(1)} s build)`,
    );
    if (overBudget.length > 0 || leaks.length > 0) process.exitCode = 1;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
