import { getCollection } from 'astro:content';

import { crossReferenceIndex, crossReferencesOf } from '../domain/cross-references.ts';
import { buildModel, walk, type QuestionnaireModel } from '../domain/model.ts';
import type { Questionnaire } from '../domain/questionnaire-schema.ts';
import type { ShippedQuestionnaire } from '../islands/Runner.tsx';
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

export interface RelatedItem {
  questionnaireTitle: string;
  prompt: string;
  href: string;
}

/** The items of other shipped questionnaires that assess the same thing as one item, in the reader's words. */
export function relatedItems(entries: readonly CatalogueEntry[], locale: string) {
  const index = crossReferenceIndex(entries.map((entry) => entry.questionnaire));
  const byId = new Map(entries.map((entry) => [entry.questionnaire.id, entry]));
  return (questionnaire: string, question: string): RelatedItem[] =>
    crossReferencesOf(index, questionnaire, question).flatMap((link) => {
      const entry = byId.get(link.questionnaire);
      const target = entry?.model.questions.get(link.question);
      if (!entry || !target) return [];
      const text = textOf(entry.questionnaire, locale);
      return [
        {
          questionnaireTitle: text(entry.questionnaire.title),
          prompt: text(target.source.prompt),
          href: `/${locale}/questionnaires/${link.questionnaire}/#${link.question}`,
        },
      ];
    });
}

/** What the answering page needs to name the shipped items linked to an item, in the reader's language. */
export function shippedQuestionnaires(
  entries: readonly CatalogueEntry[],
  locale: string,
): ShippedQuestionnaire[] {
  const index = crossReferenceIndex(entries.map((entry) => entry.questionnaire));
  return entries.map(({ questionnaire, model }) => {
    const text = textOf(questionnaire, locale);
    const prompts: Record<string, string> = {};
    for (const [id, question] of model.questions)
      if (crossReferencesOf(index, questionnaire.id, id).length) prompts[id] = text(question.source.prompt);
    return { id: questionnaire.id, title: text(questionnaire.title), prompts };
  });
}

/** Per questionnaire id, how many of its items each other questionnaire also assesses. */
export function sharedItemCounts(entries: readonly CatalogueEntry[]): Map<string, Map<string, number>> {
  const index = crossReferenceIndex(entries.map((entry) => entry.questionnaire));
  const counts = new Map<string, Map<string, number>>();
  for (const { questionnaire, model } of entries) {
    const own = new Map<string, number>();
    for (const id of model.questions.keys()) {
      const others = new Set(
        crossReferencesOf(index, questionnaire.id, id).map((link) => link.questionnaire),
      );
      for (const other of others) own.set(other, (own.get(other) ?? 0) + 1);
    }
    const order = entries.map((entry) => entry.questionnaire.id);
    counts.set(questionnaire.id, new Map([...own].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))));
  }
  return counts;
}
