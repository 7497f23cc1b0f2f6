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
  /** The sheets `showIf` is evaluated on; only the fallback one when no question has a showIf. */
  readonly sheets: readonly Sheet[];
}

function timeOf(updated: string | undefined, cache: Map<string, number>): number {
  if (updated === undefined) return Number.NEGATIVE_INFINITY;
  let time = cache.get(updated);
  if (time === undefined) {
    time = Date.parse(updated);
    if (Number.isNaN(time)) time = Number.NEGATIVE_INFINITY;
    cache.set(updated, time);
  }
  return time;
}

type Entry = Assessment['answers'][number] | Assessment['consensus'][number];

/**
 * Whether entry `next` replaces entry `held` as the one that counts for the
 * same (question, respondent): the current id over an old one, then the later
 * `updated`, then the later in the file.
 */
function supersedes(
  entries: readonly Entry[],
  next: number,
  held: number,
  question: string,
  times: Map<string, number>,
): boolean {
  const a = entries[next]!;
  const b = entries[held]!;
  const aCurrent = a.question === question;
  const bCurrent = b.question === question;
  if (aCurrent !== bCurrent) return aCurrent;
  const aTime = timeOf(a.updated, times);
  const bTime = timeOf(b.updated, times);
  if (aTime !== bTime) return aTime > bTime;
  const aText = a.updated ?? '';
  const bText = b.updated ?? '';
  if (aText !== bText) return aText > bText;
  return next > held;
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
  const times = new Map<string, number>();
  const currentId = (id: string) => (model.questions.has(id) ? id : model.replaced.get(id));

  // Winners are kept as indexes: most pairs have one entry, so nothing else is built for them.
  const consensusWinners = new Map<string, number>();
  const consensusEntries = assessment.consensus;
  for (let index = 0; index < consensusEntries.length; index += 1) {
    const entry = consensusEntries[index]!;
    const question = currentId(entry.question);
    if (question === undefined || !isAnswer(entry)) continue;
    const held = consensusWinners.get(question);
    if (held === undefined || supersedes(consensusEntries, index, held, question, times))
      consensusWinners.set(question, index);
  }

  const respondentOrder = new Map<string, number>();
  assessment.respondents.forEach((respondent, index) => {
    if (!respondentOrder.has(respondent.id)) respondentOrder.set(respondent.id, index);
  });
  const answerWinners = new Map<string, Map<string, number>>();
  const entries = assessment.answers;
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index]!;
    const question = currentId(entry.question);
    if (question === undefined || !isAnswer(entry)) continue;
    if (!respondentOrder.has(entry.respondent))
      respondentOrder.set(entry.respondent, assessment.respondents.length + index);
    let perRespondent = answerWinners.get(question);
    if (!perRespondent) answerWinners.set(question, (perRespondent = new Map()));
    const held = perRespondent.get(entry.respondent);
    if (held === undefined || supersedes(entries, index, held, question, times))
      perRespondent.set(entry.respondent, index);
  }

  const order = (id: string) => respondentOrder.get(id) ?? Number.MAX_SAFE_INTEGER;
  const byQuestion = new Map<string, CountedAnswer[]>();
  for (const [question, perRespondent] of answerWinners) {
    const winners = [...perRespondent].map(([respondent, index]) => ({ rank: order(respondent), index }));
    winners.sort((a, b) => a.rank - b.rank);
    byQuestion.set(
      question,
      winners.map(({ index }) => toCounted(entries[index]!, entries[index]!.respondent)),
    );
  }
  const consensus = new Map(
    [...consensusWinners].map(([question, index]) => [
      question,
      toCounted(consensusEntries[index]!, undefined),
    ]),
  );

  // Sheets matter only to showIf; without any, skip building them.
  const sheets: Sheet[] = [];
  if (model.hasShowIf) {
    const sheetAnswers = new Map<string, Map<string, CountedAnswer>>();
    for (const [question, answers] of byQuestion) {
      for (const answer of answers) {
        const respondent = answer.respondent!;
        let sheet = sheetAnswers.get(respondent);
        if (!sheet) sheetAnswers.set(respondent, (sheet = new Map()));
        sheet.set(question, answer);
      }
    }
    for (const respondent of [...sheetAnswers.keys()].sort((a, b) => order(a) - order(b)))
      sheets.push({ respondent, answers: sheetAnswers.get(respondent)! });
  }
  if (consensus.size > 0) sheets.push({ respondent: undefined, answers: consensus });
  if (sheets.length === 0) sheets.push({ respondent: undefined, answers: new Map() });

  return { consensus, byQuestion, sheets };
}
