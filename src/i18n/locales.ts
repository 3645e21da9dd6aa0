/** The site's languages. zh (简体中文) is the default locale and has no URL prefix. */
export const LOCALES = ['zh', 'en'] as const;
export type Lang = (typeof LOCALES)[number];
export const DEFAULT_LANG: Lang = 'zh';

/** BCP 47 tags for `<html lang>` and `Intl` formatting. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

/** Each language's name written in itself, for the language switch. */
export const LANG_NAME: Record<Lang, string> = { zh: '简体中文', en: 'English' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}
