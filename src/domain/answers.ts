/**
 * From the raw entries of an assessment file to the answers that count
 * (SPEC §4.2, §4.3): one per (question, respondent), one consensus per
 * question, old ids mapped by `replaces`, and the sheets `showIf` reads.
 */
import { hasValue, isAnswer, type AnswerValue, type Assessment } from './assessment.ts';
import type { QuestionnaireModel } from './model.ts';

export interface CountedAnswer {
  readonly value: Exclude<AnswerValue, null> | undefined;
  readonly na: boolean;
  readonly insufficient: boolean;
  /** Respondent id; undefined for a consensus entry. */
  readonly respondent: string | undefined;
  readonly note: string | undefined;
}

export interface Sheet {
  /** Respondent id, or undefined for the consensus sheet (or the empty one). */
  readonly respondent: string | undefined;
  readonly answers: ReadonlyMap<string, CountedAnswer>;
}

export interface ResolvedAnswers {
  /** Per question: the consensus answer, when there is one. */
  readonly consensus: ReadonlyMap<string, CountedAnswer>;
  /** Per question: each respondent's answer, in respondent order. */
  readonly byQuestion: ReadonlyMap<string, readonly CountedAnswer[]>;
  readonly sheets: readonly Sheet[];
}

function timeOf(updated: string | undefined): number {
  if (updated === undefined) return Number.NEGATIVE_INFINITY;
  const time = Date.parse(updated);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

interface Candidate {
  answer: CountedAnswer;
  current: boolean;
  time: number;
  updated: string;
  index: number;
}

/** Whether `next` replaces `held` as the answer that counts. */
function supersedes(next: Candidate, held: Candidate): boolean {
  if (next.current !== held.current) return next.current;
  if (next.time !== held.time) return next.time > held.time;
  if (next.updated !== held.updated) return next.updated > held.updated;
  return next.index > held.index;
}

function toCounted(
  entry: {
    value?: AnswerValue | undefined;
    na?: boolean | undefined;
    insufficient?: boolean | undefined;
    note?: string | undefined;
  },
  respondent: string | undefined,
): CountedAnswer {
  const na = entry.na === true;
  return {
    value: !na && hasValue(entry.value) ? entry.value : undefined,
    na,
    insufficient: !na && entry.insufficient === true,
    respondent,
    note: entry.note,
  };
}

export function resolveAnswers(model: QuestionnaireModel, assessment: Assessment): ResolvedAnswers {
  const currentId = (id: string) => (model.questions.has(id) ? id : model.replaced.get(id));

  const consensusCandidates = new Map<string, Candidate>();
  assessment.consensus.forEach((entry, index) => {
    const question = currentId(entry.question);
    if (question === undefined || !isAnswer(entry)) return;
    const candidate: Candidate = {
      answer: toCounted(entry, undefined),
      current: question === entry.question,
      time: timeOf(entry.updated),
      updated: entry.updated ?? '',
      index,
    };
    const held = consensusCandidates.get(question);
    if (!held || supersedes(candidate, held)) consensusCandidates.set(question, candidate);
  });

  const respondentOrder = new Map<string, number>();
  assessment.respondents.forEach((respondent, index) => {
    if (!respondentOrder.has(respondent.id)) respondentOrder.set(respondent.id, index);
  });
  const answerCandidates = new Map<string, Map<string, Candidate>>();
  assessment.answers.forEach((entry, index) => {
    const question = currentId(entry.question);
    if (question === undefined || !isAnswer(entry)) return;
    if (!respondentOrder.has(entry.respondent))
      respondentOrder.set(entry.respondent, Number.MAX_SAFE_INTEGER - 1 + index);
    const candidate: Candidate = {
      answer: toCounted(entry, entry.respondent),
      current: question === entry.question,
      time: timeOf(entry.updated),
      updated: entry.updated ?? '',
      index,
    };
    let perRespondent = answerCandidates.get(question);
    if (!perRespondent) answerCandidates.set(question, (perRespondent = new Map()));
    const held = perRespondent.get(entry.respondent);
    if (!held || supersedes(candidate, held)) perRespondent.set(entry.respondent, candidate);
  });

  const order = (id: string) => respondentOrder.get(id) ?? Number.MAX_SAFE_INTEGER;
  const byQuestion = new Map<string, CountedAnswer[]>();
  const sheetAnswers = new Map<string, Map<string, CountedAnswer>>();
  for (const [question, perRespondent] of answerCandidates) {
    const respondents = [...perRespondent.keys()].sort((a, b) => order(a) - order(b));
    byQuestion.set(
      question,
      respondents.map((respondent) => perRespondent.get(respondent)!.answer),
    );
    for (const respondent of respondents) {
      let sheet = sheetAnswers.get(respondent);
      if (!sheet) sheetAnswers.set(respondent, (sheet = new Map()));
      sheet.set(question, perRespondent.get(respondent)!.answer);
    }
  }
  const consensus = new Map(
    [...consensusCandidates].map(([question, candidate]) => [question, candidate.answer]),
  );

  const sheets: Sheet[] = [...sheetAnswers.keys()]
    .sort((a, b) => order(a) - order(b))
    .map((respondent) => ({ respondent, answers: sheetAnswers.get(respondent)! }));
  if (consensus.size > 0) sheets.push({ respondent: undefined, answers: consensus });
  if (sheets.length === 0) sheets.push({ respondent: undefined, answers: new Map() });

  return { consensus, byQuestion, sheets };
}
