/**
 * Which reports a public build may contain. Client reports stay private by
 * default: the Pages workflow builds with `JOURNEY_PUBLISHED_ONLY=1`, and then
 * only reports whose report.json says `"publish": true` are loaded at all.
 * Read synchronously: the content collections are configured before any page.
 *
 * @example
 *   publishedReports('/repo'); // ['demo-bank']
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The report folders under data/reports/ whose report.json has `"publish": true`, sorted. */
export function publishedReports(root: string): string[] {
  const dataDir = join(root, 'data/reports');
  if (!existsSync(dataDir)) return [];
  const published: string[] = [];
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    const file = join(dataDir, entry.name, 'report.json');
    if (!entry.isDirectory() || !existsSync(file)) continue;
    try {
      const config = JSON.parse(readFileSync(file, 'utf8')) as { publish?: unknown };
      if (config.publish === true) published.push(entry.name);
    } catch {
      // An unreadable report.json is not published; its own build names the problem.
    }
  }
  return published.sort();
}

/**
 * The glob of report pages a build loads: one report (`JOURNEY_REPORT`), the
 * published ones (`JOURNEY_PUBLISHED_ONLY=1`), or all.
 */
export function reportPagesPattern(root: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.JOURNEY_REPORT) return `${env.JOURNEY_REPORT}/**/*.{md,mdx}`;
  if (env.JOURNEY_PUBLISHED_ONLY === '1') {
    const published = publishedReports(root);
    if (published.length === 0) return '-none-/*.mdx';
    return published.length === 1 ? `${published[0]}/**/*.{md,mdx}` : `{${published.join(',')}}/**/*.{md,mdx}`;
  }
  return '*/**/*.{md,mdx}';
}
