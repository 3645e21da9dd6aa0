/**
 * Base-aware, locale-aware URL helpers. Pure factories, so they are tested
 * without Astro; `url.ts` binds them to the configured base.
 */
import { DEFAULT_LANG, isLang, type Lang } from './locales.ts';

/**
 * Returns a function that prefixes a site path with `base`, so the site works
 * at a domain root and under a GitHub Pages project path alike.
 *
 * @example
 *   const url = createPathFormatter('/journey-kit/');
 *   url('/playbook/intro/'); // '/journey-kit/playbook/intro/'
 *   url('/');                // '/journey-kit/'
 */
export function createPathFormatter(base: string): (path: string) => string {
  const prefix = '/' + base.replace(/^\/+|\/+$/g, '');
  const root = prefix === '/' ? '' : prefix;
  return (path: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return path;
    const [pathname, suffix = ''] = splitSuffix(path);
    let normal = '/' + pathname.replace(/^\/+/, '');
    // Pages end in a slash (trailingSlash: 'always'); files keep their extension.
    if (!normal.endsWith('/') && !/\.[a-z0-9]+$/i.test(normal)) normal += '/';
    return (root + normal).replace(/\/{2,}/g, '/') + suffix;
  };
}

function splitSuffix(path: string): [string, string] {
  const cut = path.search(/[?#]/);
  return cut === -1 ? [path, ''] : [path.slice(0, cut), path.slice(cut)];
}

/** The path of a page in a language: `/playbook/x/` in zh is `/en/playbook/x/` in en. */
export function localizedPath(lang: Lang, path: string): string {
  const clean = '/' + path.replace(/^\/+/, '');
  return lang === DEFAULT_LANG ? clean : `/${lang}${clean === '/' ? '/' : clean}`;
}

/**
 * Splits a site path (without the base) into its language and the
 * language-neutral rest: `/en/playbook/x/` -> `{ lang: 'en', path: '/playbook/x/' }`.
 */
export function splitLocale(path: string): { lang: Lang; path: string } {
  const clean = '/' + path.replace(/^\/+/, '');
  const first = clean.split('/')[1];
  if (first !== DEFAULT_LANG && isLang(first)) {
    const rest = clean.slice(first.length + 1);
    return { lang: first, path: rest === '' ? '/' : rest };
  }
  return { lang: DEFAULT_LANG, path: clean };
}

/** Removes the base from a request pathname: `/journey-kit/en/` -> `/en/`. */
export function stripBase(pathname: string, base: string): string {
  const prefix = '/' + base.replace(/^\/+|\/+$/g, '');
  if (prefix !== '/' && (pathname === prefix || pathname.startsWith(prefix + '/'))) {
    return pathname.slice(prefix.length) || '/';
  }
  return pathname;
}

/** The same page in another language: `/playbook/x/` -> `/en/playbook/x/`. */
export function counterpartPath(path: string, target: Lang): string {
  return localizedPath(target, splitLocale(path).path);
}
