/**
 * A one-report build (`journey build-report <client>`) is the client's own
 * site: it opens on the report, its pages are titled with the report and the
 * client, and the product is only a small credit in the footer. Null in a
 * full build (the course with every report).
 *
 * @example
 *   const site = await clientSite(); // { slug: 'acme-insurance', client: '安泰人寿', lang: 'zh' } | null
 */
import type { Lang } from '../i18n/locales.ts';
import { projectRoot } from '../report/openReport.ts';
import { readReportConfig } from '../report/reportConfig.ts';

export interface ClientSite {
  slug: string;
  client: string;
  lang: Lang;
}

let cached: Promise<ClientSite | null> | undefined;

export function clientSite(): Promise<ClientSite | null> {
  cached ??= (async () => {
    const slug = process.env.JOURNEY_REPORT;
    if (!slug) return null;
    const config = await readReportConfig(projectRoot(), slug);
    return { slug, client: config.client, lang: config.lang };
  })();
  return cached;
}

/** A page's <title>: the page's own, then the client's name (a client site) or the product's. */
export function pageTitle(title: string, owner: string): string {
  return title === owner || title.includes(owner) ? title : `${title} · ${owner}`;
}
