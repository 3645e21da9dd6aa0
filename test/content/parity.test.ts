/**
 * Every playbook chapter exists in both languages with the same id, kind,
 * order and stage, and embeds the same chart components the same number of times.
 */
import { describe, expect, it } from 'vitest';
import { chapterFiles, componentTags, type ChapterFile } from './chapters.ts';

const chapters = chapterFiles();
const byLang = (lang: string) => new Map(chapters.filter((c) => c.lang === lang).map((c) => [c.id, c]));
const zh = byLang('zh');
const en = byLang('en');

describe('playbook parity between zh and en', () => {
  it('has chapters at all', () => {
    expect(zh.size).toBeGreaterThan(20);
  });

  it('has no id twice in one language', () => {
    for (const lang of ['zh', 'en']) {
      const ids = chapters.filter((c) => c.lang === lang).map((c) => c.id);
      expect(ids.filter((id, at) => ids.indexOf(id) !== at), lang).toEqual([]);
    }
  });

  it('has the same chapter ids in both languages', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it.each([...zh.keys()].sort())('%s: same kind, order, stage and components', (id) => {
    const a = zh.get(id) as ChapterFile;
    const b = en.get(id);
    expect(b, `${id} is missing in English`).toBeDefined();
    expect({ kind: b!.kind, order: b!.order, stage: b!.stage }).toEqual({ kind: a.kind, order: a.order, stage: a.stage });
    expect(componentTags(b!.body), `components of ${b!.file} vs ${a.file}`).toEqual(componentTags(a.body));
  });

  it('counts component tags, ignoring code', () => {
    expect(componentTags('<FunnelChart a="1" />\n`<Not />`\n<KpiTiles>\n<FunnelChart />\n```\n<Hidden />\n```')).toEqual(['FunnelChart', 'FunnelChart', 'KpiTiles']);
  });
});
