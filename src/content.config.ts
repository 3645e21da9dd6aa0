/**
 * Content collections. The zod schemas are the source of truth for chapter
 * and report frontmatter; a schema error fails the build naming the file and field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { reportPagesPattern } from './report/publishedReports.ts';
import { CHAPTER_KINDS } from './site/course.ts';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and hyphens, e.g. "journey-maps"');

export const chapterSchema = z.object({
  /** Shared by the zh and en files of one chapter; it is the URL: /playbook/<id>/. */
  id: slug,
  title: z.string().min(1),
  description: z.string().min(1),
  order: z.number().int(),
  kind: z.enum(CHAPTER_KINDS),
  /** The journey stage a chapter is about, for stage chapters. */
  stage: z.string().optional(),
  /** ISO date of the last substantive change; shown on the page. */
  updated: z.coerce.date().optional(),
});

export const reportSchema = z.object({
  title: z.string().min(1),
  client: z.string().min(1),
  date: z.coerce.date(),
  lang: z.enum(['zh', 'en']),
  summary: z.string().min(1),
  theme: z
    .object({
      brand: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/, 'a brand colour is a hex colour like "#0b5cad"')
        .optional(),
      logo: z.string().optional(),
    })
    .optional(),
  /** Cells describing fewer than k customers are suppressed (spec §10). */
  k: z.number().int().min(1).default(5),
  /** The page of this report in the other language: its path inside the report folder ('' = index). */
  translation: z.string().optional(),
  /** Order of this page inside its report; the index page is 0. */
  order: z.number().int().default(0),
});

// `npm run build:report -- <client> [--no-playbook]` builds one report alone: the
// other reports (and with JOURNEY_PLAYBOOK=0 the playbook) are never even loaded.
// JOURNEY_PUBLISHED_ONLY=1 (the Pages workflow) loads only reports with "publish": true.
const withPlaybook = process.env.JOURNEY_PLAYBOOK !== '0';

const playbook = defineCollection({
  // The language is the folder: content/playbook/zh/*.mdx, content/playbook/en/*.mdx.
  loader: glob({
    pattern: withPlaybook ? '{zh,en}/**/*.{md,mdx}' : '-none-/*.mdx',
    base: './content/playbook',
    generateId: ({ entry, data }) => `${entry.split('/')[0]}/${String(data.id)}`,
  }),
  schema: chapterSchema,
});

const reports = defineCollection({
  // content/reports/<client>/index.mdx and further pages beside it.
  loader: glob({ pattern: reportPagesPattern(process.env.JOURNEY_ROOT ?? process.cwd()), base: './content/reports' }),
  schema: reportSchema,
});

export const collections = { playbook, reports };
