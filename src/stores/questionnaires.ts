/**
 * Questionnaires in the browser: each is built into `/data/questionnaires/<id>.json`
 * and fetched once, when an assessment of it is opened, so pages stay light.
 */
import { buildModel, type QuestionnaireModel } from '../domain/model.ts';
import type { Questionnaire } from '../domain/questionnaire-schema.ts';

const models = new Map<string, Promise<QuestionnaireModel | undefined>>();

export function questionnaireUrl(id: string): string {
  return `/data/questionnaires/${encodeURIComponent(id)}.json`;
}

/** The model of questionnaire `id`, or undefined when this site does not have it. */
export function loadQuestionnaireModel(id: string): Promise<QuestionnaireModel | undefined> {
  let model = models.get(id);
  if (!model) {
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
