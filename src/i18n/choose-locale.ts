import { DEFAULT_LOCALE, isLocale, type Locale } from './locales.ts';

/** The first of the reader's preferred languages that Cairn speaks. */
export function chooseLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const language = tag.toLowerCase().split('-')[0];
    if (isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}
