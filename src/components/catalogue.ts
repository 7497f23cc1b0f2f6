import { getCollection } from 'astro:content';

import { buildModel, walk, type QuestionnaireModel } from '../domain/model.ts';
import type { Questionnaire } from '../domain/questionnaire-schema.ts';
import { localize, type Text } from '../domain/text.ts';

export interface CatalogueEntry {
  questionnaire: Questionnaire;
  model: QuestionnaireModel;
  areas: number;
  items: number;
}

/** Every shipped questionnaire, ordered with rm-core first, then by id. */
export async function loadCatalogue(): Promise<CatalogueEntry[]> {
  const entries = await getCollection('questionnaires');
  return entries
    .map((entry) => {
      const questionnaire = entry.data as Questionnaire;
      const model = buildModel(questionnaire);
      const items = [...walk(model.root)].filter((node) => node.kind === 'question').length;
      return {
        questionnaire,
        model,
        areas: model.root.children.filter((c) => c.kind === 'section').length,
        items,
      };
    })
    .sort((a, b) =>
      a.questionnaire.id === 'rm-core'
        ? -1
        : b.questionnaire.id === 'rm-core'
          ? 1
          : a.questionnaire.id.localeCompare(b.questionnaire.id),
    );
}

/** A text of a questionnaire in the reader's locale. */
export function textOf(questionnaire: Questionnaire, locale: string) {
  const source = questionnaire.locales[0] ?? 'en';
  return (text: Text | undefined) => localize(text, locale, source);
}
