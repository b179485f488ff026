/**
 * The message catalogues and the user's language. English is the reference; the planner
 * issue adds Spanish and French with the same shape.
 */
import { en, type Messages } from './en';

export type { Messages };
export const LOCALES = ['en'] as const;
export type Locale = (typeof LOCALES)[number];

const CATALOGUES: Record<Locale, Messages> = { en };

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale];
}

/** The first of the user's preferred languages that we speak, else English. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const language = tag.toLowerCase().split('-')[0];
    const match = LOCALES.find((locale) => locale === language);
    if (match) return match;
  }
  return 'en';
}
