/**
 * Reads the playbook's MDX chapters straight from content/playbook/<lang>/ for
 * the content tests: frontmatter (YAML) and the component tags of the body.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const PLAYBOOK_DIR = join(import.meta.dirname, '../../content/playbook');
export const LANGS = ['zh', 'en'] as const;

export interface ChapterFile {
  file: string;
  lang: (typeof LANGS)[number];
  id: string;
  kind: string;
  order: number;
  stage?: string;
  body: string;
}

export function chapterFiles(): ChapterFile[] {
  return LANGS.flatMap((lang) =>
    readdirSync(join(PLAYBOOK_DIR, lang))
      .filter((name) => /\.mdx?$/.test(name))
      .sort()
      .map((name) => {
        const file = join(lang, name);
        const text = readFileSync(join(PLAYBOOK_DIR, file), 'utf8');
        const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
        if (!match) throw new Error(`${file}: no frontmatter block (--- ... ---) at the top`);
        const data = parseYaml(match[1]!) as Record<string, unknown>;
        return { file, lang, id: String(data.id), kind: String(data.kind), order: Number(data.order), stage: data.stage as string | undefined, body: match[2]! };
      }),
  );
}

/**
 * The component tags a chapter uses (capitalised JSX elements such as
 * `<FunnelChart`), sorted, one entry per use; fenced code is ignored.
 */
export function componentTags(body: string): string[] {
  const prose = body.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/<([A-Z][A-Za-z0-9]*)\b/g)].map((match) => match[1]!).sort();
}
