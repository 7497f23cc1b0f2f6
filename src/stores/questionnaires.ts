/**
 * Questionnaires in the browser: each is built into `/data/questionnaires/<id>.json`
 * and fetched once, when an assessment of it is opened, so pages stay light.
 */
import { buildModel, type QuestionnaireModel } from '../domain/model.ts';
import type { Questionnaire } from '../domain/questionnaire-schema.ts';
import { customQuestionnaire } from './custom-questionnaires.ts';

const models = new Map<string, Promise<QuestionnaireModel | undefined>>();

export function questionnaireUrl(id: string): string {
  return `/data/questionnaires/${encodeURIComponent(id)}.json`;
}

/** Forgets a model, when a kept questionnaire is replaced or removed. */
export function forgetModel(id: string): void {
  models.delete(id);
}

/** The model of questionnaire `id` (built in, or kept in this browser), or undefined when there is none. */
export function loadQuestionnaireModel(id: string): Promise<QuestionnaireModel | undefined> {
  let model = models.get(id);
  if (!model) {
    const own = customQuestionnaire(id);
    if (own) {
      const built = Promise.resolve(buildModel(own));
      models.set(id, built);
      return built;
    }
    model = fetch(questionnaireUrl(id))
      .then(async (response) => {
        if (!response.ok) return undefined;
        return buildModel((await response.json()) as Questionnaire);
      })
      .catch(() => {
        models.delete(id);
        return undefined;
      });
    models.set(id, model);
  }
  return model;
}
