/**
 * robots.txt: everything may be crawled; the sitemap is named by its full URL
 * under SITE and BASE (crawlers read robots.txt only at a host's root, so on a
 * project site this file is a pointer for whoever serves the site from there).
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}sitemap-index.xml`, site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
};
