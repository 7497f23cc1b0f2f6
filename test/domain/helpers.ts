import type { Assessment } from '../../src/domain/assessment.ts';
import { buildModel, type QuestionnaireModel } from '../../src/domain/model.ts';
import { questionnaireSchema, type Questionnaire } from '../../src/domain/questionnaire-schema.ts';
import { scoreAssessment, type NodeScore, type ScoreResult } from '../../src/domain/scoring.ts';

/** A valid questionnaire from a partial one; throws with the schema's messages otherwise. */
export function questionnaire(partial: Record<string, unknown>): Questionnaire {
  const candidate = {
    id: 'test',
    version: '1.0.0',
    locales: ['en'],
    title: 'Test',
    scales: {
      default: {
        levels: [1, 2, 3, 4, 5].map((value) => ({ value, label: `L${value}` })),
      },
    },
    ...partial,
  };
  const parsed = questionnaireSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'),
    );
  }
  return parsed.data;
}

/** A level item on the default 1–5 scale. */
export function level(id: string, extra: Record<string, unknown> = {}) {
  return { id, type: 'level', prompt: id, levels: { 1: 'a', 2: 'b', 3: 'c', 4: 'd', 5: 'e' }, ...extra };
}

type Entry = Record<string, unknown> & { question: string };

export function assessment(
  q: Questionnaire,
  answers: readonly (Entry & { respondent?: string })[],
  extra: Partial<Assessment> = {},
): Assessment {
  const respondents = [...new Set(answers.map((answer) => answer.respondent ?? 'r1'))].map((id) => ({ id }));
  return {
    format: 'cairn.assessment',
    formatVersion: 1,
    questionnaire: { id: q.id, version: q.version },
    respondents,
    answers: answers.map((answer) => ({ respondent: 'r1', ...answer })),
    consensus: [],
    targets: {},
    ...extra,
  } as Assessment;
}

export function score(q: Questionnaire, a: Assessment): ScoreResult {
  return scoreAssessment(buildModel(q), a);
}

export function model(q: Questionnaire): QuestionnaireModel {
  return buildModel(q);
}

/** The node with this id, or the overall result for the questionnaire's id. */
export function node(result: ScoreResult, id: string): NodeScore {
  if (id === result.questionnaire.id) return result.overall;
  const found = result.nodes[id];
  if (!found) throw new Error(`no node "${id}" in the result`);
  return found;
}
