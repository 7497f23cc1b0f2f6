/**
 * The assessment file of SPEC §3 (`*.cairn.json`): its types, and the checks
 * that tie it to one questionnaire before it is scored.
 */
import type { AnswerValue, Assessment } from './assessment-schema.ts';
import { EPSILON } from './ids.ts';
import type { QuestionModel, QuestionnaireModel } from './model.ts';

export type { AnswerEntry, AnswerValue, Assessment, ConsensusEntry } from './assessment-schema.ts';

export const CONSOLIDATIONS = ['median', 'mean', 'min', 'max'] as const;
export type Consolidation = (typeof CONSOLIDATIONS)[number];

/** An entry counts only when it says something about the score (SPEC §4.2). */
export function isAnswer(entry: {
  value?: AnswerValue | undefined;
  na?: boolean | undefined;
  insufficient?: boolean | undefined;
}): boolean {
  return hasValue(entry.value) || entry.na === true || entry.insufficient === true;
}

export function hasValue(value: AnswerValue | undefined): value is Exclude<AnswerValue, null | undefined> {
  return value !== undefined && value !== null;
}

/** Why a value does not fit a question, or undefined when it does. */
export function valueProblem(question: QuestionModel, value: Exclude<AnswerValue, null>): string | undefined {
  switch (question.type) {
    case 'level': {
      if (typeof value !== 'number') return `expects a level number, not ${JSON.stringify(value)}`;
      const values = question.scale?.values ?? [];
      if (!values.some((v) => Math.abs(v - value) < EPSILON))
        return `${value} is not on its scale (${values.join(', ')})`;
      return undefined;
    }
    case 'choice':
      if (typeof value !== 'string') return `expects an option id, not ${JSON.stringify(value)}`;
      if (!question.optionScores.has(value))
        return `"${value}" is not one of its options (${[...question.optionScores.keys()].join(', ')})`;
      return undefined;
    case 'multi': {
      if (!Array.isArray(value)) return `expects a list of option ids, not ${JSON.stringify(value)}`;
      const unknown = value.find((id) => !question.optionScores.has(id));
      if (unknown !== undefined)
        return `"${unknown}" is not one of its options (${[...question.optionScores.keys()].join(', ')})`;
      return undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expects true or false, not ${JSON.stringify(value)}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : `expects a number, not ${JSON.stringify(value)}`;
    case 'text':
      return typeof value === 'string' ? undefined : `expects a text, not ${JSON.stringify(value)}`;
  }
}

export interface AssessmentCheck {
  errors: string[];
  warnings: string[];
  /** The assessment with answers to questions the questionnaire no longer has left out. */
  assessment: Assessment;
}

/** The current id an answer's question id stands for, or undefined. */
export function currentQuestionId(model: QuestionnaireModel, id: string): string | undefined {
  if (model.questions.has(id)) return id;
  return model.replaced.get(id);
}

/**
 * Checks an assessment against a questionnaire as `cairn score` does (SPEC §3):
 * errors reject the file; warnings name what an older version's answers lose.
 */
export function checkAssessment(model: QuestionnaireModel, assessment: Assessment): AssessmentCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (assessment.questionnaire.id !== model.id) {
    errors.push(`it is an assessment of questionnaire "${assessment.questionnaire.id}", not "${model.id}"`);
    return { errors, warnings, assessment };
  }
  const sameVersion = assessment.questionnaire.version === model.version;
  const respondents = new Set<string>();
  for (const respondent of assessment.respondents) {
    if (respondents.has(respondent.id)) errors.push(`respondent "${respondent.id}" is listed twice`);
    respondents.add(respondent.id);
  }
  const dropped = new Set<string>();
  const keep = (
    entry: {
      question: string;
      value?: AnswerValue | undefined;
      na?: boolean | undefined;
      insufficient?: boolean | undefined;
    },
    where: string,
  ): boolean => {
    const id = currentQuestionId(model, entry.question);
    if (id === undefined) {
      if (!isAnswer(entry)) return false;
      if (sameVersion) errors.push(`${where} names unknown question "${entry.question}"`);
      else dropped.add(entry.question);
      return false;
    }
    const question = model.questions.get(id);
    if (question && entry.na !== true && hasValue(entry.value)) {
      const problem = valueProblem(question, entry.value);
      if (problem) errors.push(`${where} for "${entry.question}": ${problem}`);
    }
    return true;
  };
  const answers = assessment.answers.filter((answer, index) => {
    if (isAnswer(answer) && !respondents.has(answer.respondent))
      errors.push(`answer ${index + 1} names unknown respondent "${answer.respondent}"`);
    return keep(answer, `answer ${index + 1}`);
  });
  const consensus = assessment.consensus.filter((entry, index) =>
    keep(entry, `consensus entry ${index + 1}`),
  );
  for (const id of dropped)
    warnings.push(
      `answers to "${id}" are left out: version ${model.version} of "${model.id}" no longer has that question`,
    );
  return { errors, warnings, assessment: { ...assessment, answers, consensus } };
}
