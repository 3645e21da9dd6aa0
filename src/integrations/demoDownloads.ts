/**
 * The course's demo data, offered for download: after a build that includes
 * the playbook, every file of data/demo/ (event logs, labels, definitions;
 * not its README) is copied to `<outDir>/data/demo/`, so each chart's
 * "Reproduce" disclosure can link the file it reads under the base path.
 * Demo data is invented and public; client data (data/reports/) is never
 * copied. The privacy scan exempts exactly these copies (privacyScan.ts).
 *
 * @example
 *   // astro.config.mjs
 *   integrations: [mdx(), demoDownloads(), privacyScan()]
 *   // dist/data/demo/retail-checkout-before.csv, served as /<base>/data/demo/retail-checkout-before.csv
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the demo files live, in the project and in the output alike. */
export const DEMO_DIR = 'data/demo';

/** The demo files to serve: every file of data/demo/ but its README. */
export async function demoFileNames(root: string): Promise<string[]> {
  const dir = join(root, DEMO_DIR);
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name !== 'README.md')
    .map((entry) => entry.name)
    .sort();
}

/** Copies the demo files into `outDir`; returns their names. */
export async function copyDemoData(root: string, outDir: string): Promise<string[]> {
  const names = await demoFileNames(root);
  if (names.length === 0) return names;
  await mkdir(join(outDir, DEMO_DIR), { recursive: true });
  for (const name of names) await copyFile(join(root, DEMO_DIR, name), join(outDir, DEMO_DIR, name));
  return names;
}

export function demoDownloads(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'journey-kit:demo-downloads',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        // A one-report build without the playbook (journey build-report --no-playbook) links no demo file.
        if (process.env.JOURNEY_PLAYBOOK === '0') return;
        const names = await copyDemoData(root, fileURLToPath(dir));
        logger.info(`copied ${names.length} demo data files to ${DEMO_DIR}/`);
      },
    },
  };
}

export default demoDownloads;
