/**
 * axe-core (from node_modules, injected into the page) run on a whole page;
 * returns one line per violation with the first few offending nodes, so a
 * failing test says what to fix and where.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot } from './build.ts';

let axeSource: Promise<string> | undefined;

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: string[]; failureSummary?: string }[] }[];
}

/** The violations axe-core finds on `page` as it is now: every rule (WCAG 2.x A/AA and best practices), or only `rules`. */
export async function axeViolations(page: Page, rules?: readonly string[]): Promise<string[]> {
  axeSource ??= readFile(join(projectRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: await axeSource });
  const result = await page.evaluate(
    (only) =>
      (
        window as unknown as {
          axe: { run: (context: Document, options: object) => Promise<AxeResult> };
        }
      ).axe.run(document, only ? { runOnly: { type: 'rule', values: only } } : {}),
    rules ? [...rules] : null,
  );
  return result.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.nodes
        .slice(0, 3)
        .map((node) => `${node.target.join(' ')} (${node.failureSummary ?? ''})`)
        .join('; ')}${violation.nodes.length > 3 ? ` and ${violation.nodes.length - 3} more` : ''}`,
  );
}
