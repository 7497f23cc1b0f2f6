import type { Questionnaire } from './questionnaire-schema.ts';

export interface LocaleCoverage {
  locale: string;
  translated: number;
  total: number;
}

const TEXT_KEYS = new Set(['title', 'summary', 'intro', 'prompt', 'help', 'label', 'description', 'owner']);

/** How many of the questionnaire's texts exist in each declared locale. */
export function translationCoverage(questionnaire: Questionnaire): LocaleCoverage[] {
  const texts: unknown[] = [];
  const visit = (value: unknown, key: string | undefined) => {
    if (key !== undefined && (TEXT_KEYS.has(key) || key === 'levels-rubric' || key === 'evidence-item')) {
      texts.push(value);
      return;
    }
    if (Array.isArray(value))
      value.forEach((item) => visit(item, key === 'evidence' ? 'evidence-item' : undefined));
    else if (value && typeof value === 'object') {
      for (const [childKey, child] of Object.entries(value)) {
        if (key === 'levels' && !Array.isArray(value)) visit(child, 'levels-rubric');
        else visit(child, childKey);
      }
    }
  };
  visit(questionnaire, undefined);
  const [source] = questionnaire.locales;
  return questionnaire.locales.map((locale) => ({
    locale,
    total: texts.length,
    translated: texts.filter((text) =>
      typeof text === 'string'
        ? locale === source
        : typeof text === 'object' && text !== null && locale in text,
    ).length,
  }));
}
