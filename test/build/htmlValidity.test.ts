/**
 * Every page of the build under /journey-kit/ passes the W3C Nu HTML checker
 * with zero errors (one known false positive ignored: see test/support/vnu.ts).
 */
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { htmlFiles } from '../support/links.ts';
import { hasJava, htmlErrors, noJavaReason } from '../support/vnu.ts';

const root = inject('siteRoot');
const base = inject('siteBase');
const siteDir = join(root, base);

if (!hasJava) console.warn(`[vnu] skipped: ${noJavaReason}`);

describe.runIf(hasJava)('HTML validity (W3C Nu checker)', () => {
  it('finds zero errors on every page', async () => {
    const files = await htmlFiles(siteDir);
    expect(files.length).toBeGreaterThan(50);
    expect(await htmlErrors(files, siteDir)).toEqual([]);
  }, 120_000);
});
