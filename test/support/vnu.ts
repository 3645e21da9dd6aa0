/**
 * The W3C Nu HTML checker (vnu-jar, run with the machine's Java 11+) on a
 * list of files: error messages only, minus IGNORED, one line each.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { projectRoot } from './build.ts';

const VNU_JAR = join(projectRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');
const JAVA = process.env.JAVA ?? 'java';

/** Whether Java runs here; where it does not, the validity tests skip, saying how to install it (CI does). */
export const hasJava = spawnSync(JAVA, ['-version'], { stdio: 'ignore' }).status === 0;
export const noJavaReason = `no Java at "${JAVA}": install it with "apt-get install -y openjdk-17-jre-headless" (CI does)`;

/**
 * Known false positives for valid modern HTML. vnu checks inline SVG against
 * the SVG 1.1 schema, where the `font-variant` presentation attribute allows
 * only CSS 2 values; SVG 2 takes any CSS `font-variant` value, and Plot's
 * axes set `font-variant="tabular-nums"` (Chromium honours it).
 */
export const IGNORED = [/^Bad value “tabular-nums” for attribute “font-variant” on element “g”\.$/];

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

function run(files: string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(JAVA, ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) =>
      reject(new Error(`could not run ${JAVA} (the Nu checker needs Java 11 or later): ${error.message}`)),
    );
    child.on('close', () => {
      // vnu writes its JSON report to stderr, and exits 1 when it found errors.
      const text = stderr.trim() || stdout.trim();
      try {
        resolve((JSON.parse(text) as { messages: VnuMessage[] }).messages);
      } catch {
        reject(new Error(`the Nu checker gave no JSON report:\n${text.slice(0, 2000)}`));
      }
    });
  });
}

/** The errors the Nu checker finds in `files`, as `path:line: message [extract]`, paths relative to `dir`. */
export async function htmlErrors(files: string[], dir: string): Promise<string[]> {
  const messages = await run(files);
  return messages
    .filter((m) => !IGNORED.some((pattern) => pattern.test(m.message)))
    .map(
      (m) =>
        `${relative(dir, new URL(m.url).pathname)}:${m.lastLine ?? '?'}: ${m.message}${m.extract ? ` [${m.extract.trim().slice(0, 80)}]` : ''}`,
    );
}
