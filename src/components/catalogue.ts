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

export interface CoverageRow {
  id: string;
  title: Text;
  /** Per questionnaire id: how many of its items cite the instrument. */
  counts: Record<string, number>;
}

/** Which instruments each questionnaire covers, and with how many items: one row per instrument. */
export function coverageByInstrument(entries: readonly CatalogueEntry[]): CoverageRow[] {
  const rows = new Map<string, CoverageRow>();
  for (const { questionnaire, model } of entries) {
    for (const reference of questionnaire.references ?? []) {
      if (!rows.has(reference.id))
        rows.set(reference.id, { id: reference.id, title: reference.title, counts: {} });
    }
    for (const question of model.questions.values()) {
      for (const id of question.source.references ?? []) {
        const row = rows.get(id);
        if (row) row.counts[questionnaire.id] = (row.counts[questionnaire.id] ?? 0) + 1;
      }
    }
  }
  return [...rows.values()]
    .filter((row) => Object.keys(row.counts).length > 0)
    .sort(
      (a, b) =>
        Object.keys(b.counts).length - Object.keys(a.counts).length ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}
