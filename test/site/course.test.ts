import { describe, expect, it } from 'vitest';
import {
  chapterPages,
  courseOf,
  groupByKind,
  neighbours,
  readingMinutes,
  type ChapterMeta,
} from '../../src/site/course.ts';

const chapter = (id: string, lang: 'zh' | 'en', kind: ChapterMeta['kind'], order: number): ChapterMeta => ({
  id,
  lang,
  kind,
  order,
  title: `${id}-${lang}`,
});

const chapters = [
  chapter('retail', 'zh', 'case', 1),
  chapter('funnels', 'zh', 'topic', 2),
  chapter('paths', 'zh', 'topic', 1),
  chapter('intro', 'zh', 'intro', 1),
  chapter('intro', 'en', 'intro', 1),
  chapter('funnels', 'en', 'topic', 2),
  chapter('only-en', 'en', 'guide', 1),
];

describe('course order', () => {
  it('orders by kind, then order', () => {
    expect(courseOf(chapters, 'zh').map((c) => c.id)).toEqual(['intro', 'paths', 'funnels', 'retail']);
    expect(courseOf(chapters, 'en').map((c) => c.id)).toEqual(['intro', 'funnels', 'only-en']);
  });

  it('groups by kind in course order, without empty groups', () => {
    const groups = groupByKind(courseOf(chapters, 'zh'));
    expect(groups.map((g) => [g.kind, g.chapters.map((c) => c.id)])).toEqual([
      ['intro', ['intro']],
      ['topic', ['paths', 'funnels']],
      ['case', ['retail']],
    ]);
  });

  it('links previous and next', () => {
    const course = courseOf(chapters, 'zh');
    expect(neighbours(course, 'intro')).toEqual({ previous: undefined, next: course[1] });
    expect(neighbours(course, 'funnels').previous?.id).toBe('paths');
    expect(neighbours(course, 'funnels').next?.id).toBe('retail');
    expect(neighbours(course, 'retail').next).toBeUndefined();
    expect(neighbours(course, 'missing')).toEqual({});
  });
});

describe('chapterPages', () => {
  it('makes a page for every id in every language, with a fallback where missing', () => {
    const zh = chapterPages(chapters, 'zh');
    expect(zh.map((p) => p.id)).toEqual(['funnels', 'intro', 'only-en', 'paths', 'retail']);
    const onlyEn = zh.find((p) => p.id === 'only-en');
    expect(onlyEn?.entry).toBeUndefined();
    expect(onlyEn?.fallback?.lang).toBe('en');
    const en = chapterPages(chapters, 'en');
    expect(en.find((p) => p.id === 'paths')?.fallback?.lang).toBe('zh');
    expect(en.find((p) => p.id === 'intro')?.entry?.lang).toBe('en');
  });
});

describe('readingMinutes', () => {
  it('counts CJK characters and English words', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('字'.repeat(900))).toBe(3);
    expect(readingMinutes('word '.repeat(1000))).toBe(5);
    expect(readingMinutes('字'.repeat(300) + ' word'.repeat(200))).toBe(2);
  });
});
