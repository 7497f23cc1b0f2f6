import { en, type Messages } from './en.ts';
import { ar } from './ar.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import type { Locale } from './locales.ts';

export * from './locales.ts';
export type { Messages };

const CATALOGUES: Record<Locale, Messages> = { en, fr, es, ar };

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale];
}
