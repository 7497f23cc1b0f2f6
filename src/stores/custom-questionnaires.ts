/**
 * Questionnaires a user brings: validated with the same schema as the built-in
 * ones, kept in this browser, and usable everywhere a built-in one is.
 */
import { atom } from 'nanostores';

import type { Questionnaire } from '../domain/questionnaire-schema.ts';

export const QUESTIONNAIRE_PREFIX = 'cairn:questionnaire:';

export interface KeptQuestionnaire {
  readonly questionnaire: Questionnaire;
  readonly file: string;
  readonly added: string;
}

export const $customQuestionnaires = atom<Record<string, KeptQuestionnaire>>({});

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** Reads what this browser keeps; entries that cannot be read are left as they are. */
export function loadCustomQuestionnaires(): Record<string, KeptQuestionnaire> {
  const store = storage();
  const kept: Record<string, KeptQuestionnaire> = {};
  if (!store) return kept;
  for (let index = 0; index < store.length; index += 1) {
    const key = store.key(index);
    if (!key?.startsWith(QUESTIONNAIRE_PREFIX)) continue;
    try {
      const entry = JSON.parse(store.getItem(key) ?? '') as { schema: number } & KeptQuestionnaire;
      if (entry.schema === 1 && entry.questionnaire?.id) kept[entry.questionnaire.id] = entry;
    } catch {
      // Damaged: ignored, never overwritten silently.
    }
  }
  $customQuestionnaires.set(kept);
  return kept;
}

/** Keeps a questionnaire that has passed validation; throws when the browser refuses to store it. */
export function keepQuestionnaire(questionnaire: Questionnaire, file: string): void {
  const entry: KeptQuestionnaire = { questionnaire, file, added: new Date().toISOString() };
  storage()?.setItem(`${QUESTIONNAIRE_PREFIX}${questionnaire.id}`, JSON.stringify({ schema: 1, ...entry }));
  $customQuestionnaires.set({ ...$customQuestionnaires.get(), [questionnaire.id]: entry });
}

export function forgetQuestionnaire(id: string): void {
  storage()?.removeItem(`${QUESTIONNAIRE_PREFIX}${id}`);
  const { [id]: _gone, ...rest } = $customQuestionnaires.get();
  $customQuestionnaires.set(rest);
}

/** A kept questionnaire by id, reading storage if this page has not yet. */
export function customQuestionnaire(id: string): Questionnaire | undefined {
  const known = $customQuestionnaires.get()[id] ?? loadCustomQuestionnaires()[id];
  return known?.questionnaire;
}
