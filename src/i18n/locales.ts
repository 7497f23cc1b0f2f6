export const LOCALES = ['en', 'fr', 'es', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in itself, as a language switch shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
};

const RTL = new Set(['ar', 'he', 'fa', 'ur']);
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL.has(locale.split('-')[0] ?? locale) ? 'rtl' : 'ltr';
}

export function isLocale(value: string | undefined): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? '');
}

/** Formats a number for the reader: one decimal by default, the locale's decimal mark. */
export function formatNumber(value: number, locale: string, digits = 1): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export interface PluralForms {
  readonly one: string;
  readonly other: string;
}

/** "3 items", "1 critère": the count in the reader's grammar and number format. */
export function countOf(count: number, forms: PluralForms, locale: string): string {
  const form = new Intl.PluralRules(locale).select(count) === 'one' ? forms.one : forms.other;
  return form.replace('{n}', new Intl.NumberFormat(locale).format(count));
}
