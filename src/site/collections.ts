/** Reads the content collections into the shapes navigation uses. Astro-only (astro:content). */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '../i18n/locales.ts';
import { courseOf, type ChapterMeta } from './course.ts';

export interface Chapter extends ChapterMeta {
  description: string;
  entry: CollectionEntry<'playbook'>;
}

/** Every chapter of every language, its language taken from its folder (content/playbook/<lang>/). */
export async function allChapters(): Promise<Chapter[]> {
  const entries = await getCollection('playbook');
  return entries.map((entry) => ({
    id: entry.data.id,
    lang: entry.id.split('/')[0] as Lang,
    title: entry.data.title,
    description: entry.data.description,
    kind: entry.data.kind,
    order: entry.data.order,
    entry,
  }));
}

/** One language's chapters in course order. */
export async function course(lang: Lang): Promise<Chapter[]> {
  return courseOf(await allChapters(), lang);
}

export interface ReportPage {
  client: string;
  /** Page path inside the report: '' for the index page. */
  page: string;
  entry: CollectionEntry<'reports'>;
}

/** Every report page; a report is the folder content/reports/<client>/. */
export async function allReportPages(): Promise<ReportPage[]> {
  const entries = await getCollection('reports');
  return entries
    .map((entry) => {
      const path = (entry.filePath ?? entry.id).replace(/^.*content\/reports\//, '').replace(/\.mdx?$/, '');
      const [client = '', ...rest] = path.split('/');
      const page = rest.join('/').replace(/(^|\/)index$/, '');
      return { client, page, entry };
    })
    .sort(
      (a, b) =>
        a.client.localeCompare(b.client) || a.entry.data.order - b.entry.data.order || a.page.localeCompare(b.page),
    );
}
