/**
 * Every page of the build under /journey-kit/ passes the W3C Nu HTML checker
 * (vnu-jar, run with the machine's Java) with zero errors. One rule is
 * ignored as a false positive, see IGNORED.
 */
import { spawn } from 'node:child_process';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../support/build.ts';
import { htmlFiles } from '../support/links.ts';

const root = inject('siteRoot');
const base = inject('siteBase');
const siteDir = join(root, base);
const VNU_JAR = join(projectRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');
const JAVA = process.env.JAVA ?? 'java';

/**
 * vnu checks SVG against the SVG 1.1 schema, where the `font-variant`
 * presentation attribute allows only CSS 2 values; SVG 2 takes any CSS
 * `font-variant` value, and Plot's axes set `font-variant="tabular-nums"`.
 */
const IGNORED = [/^Bad value “tabular-nums” for attribute “font-variant” on element “g”\.$/];

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Runs vnu on `files`; resolves with its messages (errors only). */
function vnu(files: string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(JAVA, ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => reject(new Error(`could not run ${JAVA} (Java 11 or later is needed for vnu): ${error.message}`)));
    child.on('close', () => {
      // vnu writes its JSON report to stderr, and exits 1 when it found errors.
      const text = stderr.trim() || stdout.trim();
      try {
        resolve((JSON.parse(text) as { messages: VnuMessage[] }).messages);
      } catch {
        reject(new Error(`vnu gave no JSON report:\n${text.slice(0, 2000)}`));
      }
    });
  });
}

describe('HTML validity (W3C Nu checker)', () => {
  it('finds zero errors on every page', async () => {
    const files = await htmlFiles(siteDir);
    expect(files.length).toBeGreaterThan(50);
    const messages = await vnu(files);
    const errors = messages
      .filter((m) => !IGNORED.some((pattern) => pattern.test(m.message)))
      .map((m) => `${relative(siteDir, new URL(m.url).pathname)}:${m.lastLine ?? '?'}: ${m.message} ${m.extract ? `[${m.extract.trim().slice(0, 80)}]` : ''}`);
    expect(errors).toEqual([]);
  }, 120_000);
});
