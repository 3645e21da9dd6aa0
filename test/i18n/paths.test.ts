import { describe, expect, it } from 'vitest';
import { counterpartPath, createPathFormatter, localizedPath, splitLocale, stripBase } from '../../src/i18n/paths.ts';
import { isLang, otherLang } from '../../src/i18n/locales.ts';

describe('createPathFormatter', () => {
  it('prefixes the base and ends page paths with a slash', () => {
    const url = createPathFormatter('/journey-kit/');
    expect(url('/')).toBe('/journey-kit/');
    expect(url('/playbook/intro/')).toBe('/journey-kit/playbook/intro/');
    expect(url('playbook/intro')).toBe('/journey-kit/playbook/intro/');
    expect(url('/en/')).toBe('/journey-kit/en/');
  });

  it('keeps file extensions, queries and fragments', () => {
    const url = createPathFormatter('/journey-kit');
    expect(url('/favicon.svg')).toBe('/journey-kit/favicon.svg');
    expect(url('/playbook/x/#top')).toBe('/journey-kit/playbook/x/#top');
    expect(url('/search?q=漏斗')).toBe('/journey-kit/search/?q=漏斗');
  });

  it('works at the domain root', () => {
    for (const base of ['/', '', '//']) {
      const url = createPathFormatter(base);
      expect(url('/')).toBe('/');
      expect(url('/reports/acme/')).toBe('/reports/acme/');
    }
  });

  it('leaves absolute URLs alone', () => {
    const url = createPathFormatter('/journey-kit/');
    expect(url('https://example.org/a')).toBe('https://example.org/a');
    expect(url('mailto:a@example.org')).toBe('mailto:a@example.org');
    expect(url('//cdn.example.org/x.js')).toBe('//cdn.example.org/x.js');
  });
});

describe('locale paths', () => {
  it('prefixes only the non-default language', () => {
    expect(localizedPath('zh', '/playbook/a/')).toBe('/playbook/a/');
    expect(localizedPath('en', '/playbook/a/')).toBe('/en/playbook/a/');
    expect(localizedPath('en', '/')).toBe('/en/');
    expect(localizedPath('zh', '/')).toBe('/');
  });

  it('splits a path into language and rest', () => {
    expect(splitLocale('/en/playbook/a/')).toEqual({ lang: 'en', path: '/playbook/a/' });
    expect(splitLocale('/en/')).toEqual({ lang: 'en', path: '/' });
    expect(splitLocale('/en')).toEqual({ lang: 'en', path: '/' });
    expect(splitLocale('/playbook/a/')).toEqual({ lang: 'zh', path: '/playbook/a/' });
    expect(splitLocale('/')).toEqual({ lang: 'zh', path: '/' });
    // A page whose name merely starts with "en" is not English.
    expect(splitLocale('/engage/')).toEqual({ lang: 'zh', path: '/engage/' });
  });

  it('finds the counterpart in the other language', () => {
    expect(counterpartPath('/playbook/a/', 'en')).toBe('/en/playbook/a/');
    expect(counterpartPath('/en/playbook/a/', 'zh')).toBe('/playbook/a/');
    expect(counterpartPath('/en/', 'zh')).toBe('/');
    expect(counterpartPath('/', 'en')).toBe('/en/');
  });

  it('strips the base from a request path', () => {
    expect(stripBase('/journey-kit/en/', '/journey-kit/')).toBe('/en/');
    expect(stripBase('/journey-kit', '/journey-kit/')).toBe('/');
    expect(stripBase('/journey-kitten/', '/journey-kit/')).toBe('/journey-kitten/');
    expect(stripBase('/en/', '/')).toBe('/en/');
  });

  it('knows its languages', () => {
    expect(isLang('zh')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(otherLang('zh')).toBe('en');
    expect(otherLang('en')).toBe('zh');
  });
});
