/**
 * The playbook's course order and navigation, as pure functions of chapter
 * metadata so they are tested without Astro.
 */
import { LOCALES, type Lang } from '../i18n/locales.ts';

export const CHAPTER_KINDS = ['intro', 'stage', 'step', 'topic', 'guide', 'case'] as const;
export type ChapterKind = (typeof CHAPTER_KINDS)[number];

/** What navigation needs to know of a chapter. */
export interface ChapterMeta {
  id: string;
  lang: Lang;
  title: string;
  kind: ChapterKind;
  order: number;
}

/** Course order: by kind (intro, stages, steps, topics, guide, cases), then `order`, then id. */
export function compareChapters(a: ChapterMeta, b: ChapterMeta): number {
  return (
    CHAPTER_KINDS.indexOf(a.kind) - CHAPTER_KINDS.indexOf(b.kind) ||
    a.order - b.order ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The chapters of one language in course order. */
export function courseOf<T extends ChapterMeta>(chapters: readonly T[], lang: Lang): T[] {
  return chapters.filter((c) => c.lang === lang).sort(compareChapters);
}

/** Chapters grouped by kind, groups in course order, empty groups left out. */
export function groupByKind<T extends ChapterMeta>(course: readonly T[]): { kind: ChapterKind; chapters: T[] }[] {
  return CHAPTER_KINDS.map((kind) => ({ kind, chapters: course.filter((c) => c.kind === kind) })).filter(
    (group) => group.chapters.length > 0,
  );
}

/** The chapters before and after `id` in a course. */
export function neighbours<T extends ChapterMeta>(course: readonly T[], id: string): { previous?: T; next?: T } {
  const at = course.findIndex((c) => c.id === id);
  if (at === -1) return {};
  return { previous: course[at - 1], next: course[at + 1] };
}

/**
 * One page per chapter id and language. Where a chapter is missing in a
 * language, that page is a notice pointing at the language that has it, so a
 * language switch never lands on a 404.
 */
export function chapterPages<T extends ChapterMeta>(
  chapters: readonly T[],
  lang: Lang,
): { id: string; entry?: T; fallback?: T }[] {
  const ids = [...new Set(chapters.map((c) => c.id))].sort();
  return ids.map((id) => {
    const entry = chapters.find((c) => c.id === id && c.lang === lang);
    if (entry) return { id, entry };
    const fallback = LOCALES.map((l) => chapters.find((c) => c.id === id && c.lang === l)).find(Boolean);
    return { id, fallback };
  });
}

/** Estimated reading time in minutes: about 300 CJK characters or 200 English words a minute. */
export function readingMinutes(text: string): number {
  const cjk = (text.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length;
  const words = text
    .replace(/[\u3400-\u9fff\uf900-\ufaff]/g, ' ')
    .split(/\s+/)
    .filter((w) => /\w/.test(w)).length;
  return Math.max(1, Math.round(cjk / 300 + words / 200));
}
