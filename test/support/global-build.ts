/**
 * Builds the site once for the site and browser tests, under a GitHub Pages
 * style base (/journey-kit/), and shares where it is through `provide`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from './build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteRoot: string;
    siteBase: string;
    buildMs: number;
  }
}

export const BASE = '/journey-kit/';

export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), 'journey-kit-site-'));
  const buildMs = await buildSite({ outDir: join(root, 'journey-kit'), base: BASE, site: 'https://example.org' });
  console.log(`[site] built under ${BASE} in ${(buildMs / 1000).toFixed(1)} s`);
  project.provide('siteRoot', root);
  project.provide('siteBase', BASE);
  project.provide('buildMs', buildMs);
  return async () => {
    await rm(root, { recursive: true, force: true });
  };
}
