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

/**
 * The time to stamp an edit with: now, or just after the version it replaces
 * when that one was written by a clock running ahead, so that the edit wins.
 */
export function editTime(now: string, previous: string | undefined): string {
  const then = previous === undefined ? Number.NaN : Date.parse(previous);
  const at = Date.parse(now);
  return Number.isFinite(then) && Number.isFinite(at) && then >= at ? new Date(then + 1).toISOString() : now;
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
  const next: AnswerEntry = { ...previous, updated: editTime(now, previous.updated) };
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
  return { ...assessment, answers, updated: next.updated! };
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

export interface ConsensusInput {
  value?: AnswerValue | undefined;
  na?: boolean | undefined;
  /** Why the team agreed this rating: required, so that every consensus can be explained. */
  reason: string;
  by: string;
}

/**
 * Records the team's agreed rating for a question, which then counts in
 * place of the individual answers (SPEC §4.2). One entry per question.
 */
export function applyConsensus(
  assessment: Assessment,
  question: string,
  input: ConsensusInput,
  now: string,
): Assessment {
  if (!input.reason.trim()) throw new Error('a consensus rating needs a reason');
  const entry: Assessment['consensus'][number] = {
    question,
    reason: input.reason.trim(),
    by: input.by,
    updated: now,
  };
  if (input.na) entry.na = true;
  else if (input.value !== undefined && input.value !== null) entry.value = input.value;
  const consensus = assessment.consensus.filter((other) => other.question !== question);
  return { ...assessment, consensus: [...consensus, entry], updated: entry.updated! };
}

/**
 * Withdraws the agreed rating: the individual answers count again. The entry
 * stays without a rating (and so counts nowhere, SPEC §4.2) but with the time
 * of the withdrawal, so that a merge with an older copy keeps it withdrawn.
 */
export function removeConsensus(
  assessment: Assessment,
  question: string,
  by: string,
  now: string,
): Assessment {
  const consensus = assessment.consensus.filter((entry) => entry.question !== question);
  return { ...assessment, consensus: [...consensus, { question, by, updated: now }], updated: now };
}

/** Adds a respondent (a unit interviewed, or an expert) with the next free id. */
export function addRespondent(
  assessment: Assessment,
  respondent: Omit<Respondent, 'id'>,
  now: string,
): Assessment {
  const taken = new Set(assessment.respondents.map((r) => r.id));
  let n = assessment.respondents.length + 1;
  while (taken.has(`r${n}`)) n += 1;
  return {
    ...assessment,
    respondents: [...assessment.respondents, clean({ ...respondent, id: `r${n}` })],
    updated: now,
  };
}
