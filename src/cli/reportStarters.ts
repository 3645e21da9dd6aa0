/**
 * What `journey new report` writes besides report.json: the report page from
 * its template (templates/report.<lang>.mdx), the starter journey map and the
 * starter opportunity list.
 *
 * @example
 *   journeyMapStarter(['浏览', '提交'], 'zh'); // "# 旅程地图…\nstages:\n  - id: stage-1\n…"
 */
import { readFile } from 'node:fs/promises';
import type { Lang } from '../i18n/locales.ts';

const TEMPLATES = new URL('./templates/', import.meta.url);

/** Fills `{{name}}` placeholders; an unknown placeholder is a bug in the template. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template placeholder {{${name}}} has no value`);
    return value;
  });
}

/** A YAML scalar: quoted only when YAML would misread it. */
function yamlString(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} _.()-]*$/u.test(text) && !/^(true|false|null|yes|no|\d.*)$/i.test(text)
    ? text
    : JSON.stringify(text);
}

/** The starter journey map: one stage per proposed funnel step. */
export function journeyMapStarter(steps: string[], lang: Lang): string {
  const zh = lang === 'zh';
  const lines = [
    zh
      ? '# 旅程地图：按顺序列出阶段；events 是该阶段在数据「event」列中的事件名。'
      : '# Journey map: stages in order; `events` are the names in the data’s event column.',
    zh
      ? '# 每个阶段可加 emotion：客户情绪，-2（很差）到 2（很好）；pain_points：痛点。未填写的不会显示。'
      : '# Add to a stage emotion: how customers feel, -2 (very bad) to 2 (very good); pain_points. Left out, they are not shown.',
    'stages:',
  ];
  steps.forEach((step, index) => {
    const names = step.split('|');
    lines.push(
      `  - id: stage-${index + 1}`,
      `    name: ${yamlString(names[0]!)}`,
      `    events: [${names.map(yamlString).join(', ')}]`,
      '    touchpoints: []',
    );
  });
  return lines.join('\n') + '\n';
}

/**
 * The starter opportunity list: empty, so no placeholder is ranked. Each item is
 * { "opportunity": "...", "stage": "...", "impact": 1-5, "reach": 0-1, "effort": 1-5, "confidence": 0-1 }.
 */
export function opportunitiesStarter(): string {
  return '[]\n';
}

/** The report page of `lang` from its template; `pageLines` adds frontmatter (a translation's). */
export async function reportPage(page: {
  lang: Lang;
  slug: string;
  date: string;
  client: string;
  brand: string;
  logo: string | null;
  pageLines: string;
}): Promise<string> {
  const template = await readFile(new URL(`report.${page.lang}.mdx`, TEMPLATES), 'utf8');
  return fillTemplate(template, {
    // Inside double-quoted YAML: a JSON string's escapes are YAML's, so any name stays one scalar.
    client: JSON.stringify(page.client.replace(/[\n\r]/g, ' ')).slice(1, -1),
    slug: page.slug,
    date: page.date,
    brand: page.brand,
    logoLine: page.logo ? `\n  logo: ${JSON.stringify(page.logo)}` : '',
    pageLines: page.pageLines,
  });
}
