/**
 * Creating and editing assessments: pure functions that return a new
 * assessment, so every change can be saved, undone or merged as a whole.
 */
import type { AnswerEntry, AnswerValue, Assessment } from './assessment.ts';

export type Respondent = Assessment['respondents'][number];

export interface NewAssessment {
  /** A fresh unique id (a UUID in the browser). */
  id: string;
  /** ISO 8601 time of creation. */
  now: string;
  questionnaire: { id: string; version: string };
  title: string;
  administration?: string | undefined;
  respondent: Respondent;
}

export function createAssessment(input: NewAssessment): Assessment {
  return {
    format: 'cairn.assessment',
    formatVersion: 1,
    id: input.id,
    title: input.title,
    administration: input.administration ?? '',
    questionnaire: { ...input.questionnaire },
    created: input.now,
    updated: input.now,
    consolidation: 'median',
    respondents: [clean(input.respondent)],
    answers: [],
    consensus: [],
    targets: {},
    roadmap: {},
  };
}

function clean(respondent: Respondent): Respondent {
  const result: Respondent = { id: respondent.id };
  if (respondent.name) result.name = respondent.name;
  if (respondent.role) result.role = respondent.role;
  if (respondent.unit) result.unit = respondent.unit;
  return result;
}

/** What an edit changes in one respondent's answer; absent keys stay as they were. */
export interface AnswerPatch {
  value?: AnswerValue | undefined;
  na?: boolean | undefined;
  insufficient?: boolean | undefined;
  note?: string | undefined;
  evidence?: string[] | undefined;
}

/**
 * Sets (question, respondent)'s answer, keeping a single entry for the pair:
 * the file stays small and the later edit is the one that counts.
 */
export function applyAnswer(
  assessment: Assessment,
  question: string,
  respondent: string,
  patch: AnswerPatch,
  now: string,
): Assessment {
  const index = assessment.answers.findIndex(
    (answer) => answer.question === question && answer.respondent === respondent,
  );
  const previous: AnswerEntry = index >= 0 ? assessment.answers[index]! : { question, respondent };
  const next: AnswerEntry = { ...previous, updated: now };
  for (const key of ['value', 'na', 'insufficient', 'note', 'evidence'] as const) {
    if (!(key in patch)) continue;
    const value = patch[key];
    // A boolean answer of false is a value; a false flag is no flag.
    const empty =
      value === undefined ||
      value === null ||
      value === '' ||
      (value === false && key !== 'value') ||
      (key === 'evidence' && Array.isArray(value) && value.length === 0);
    if (empty) delete next[key];
    else (next as Record<string, unknown>)[key] = value;
  }
  const answers = [...assessment.answers];
  if (index >= 0) answers[index] = next;
  else answers.push(next);
  return { ...assessment, answers, updated: now };
}

/** The (latest) entry of one respondent for one question, if any. */
export function answerOf(
  assessment: Assessment,
  question: string,
  respondent: string,
): AnswerEntry | undefined {
  let found: AnswerEntry | undefined;
  for (const answer of assessment.answers) {
    if (answer.question !== question || answer.respondent !== respondent) continue;
    if (!found || (answer.updated ?? '') >= (found.updated ?? '')) found = answer;
  }
  return found;
}
