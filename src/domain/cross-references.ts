/**
 * Items that several questionnaires assess: each names the others in `alsoIn`.
 * A link is shown on both sides even when only one side declares it, so a
 * questionnaire of one's own can point at a shipped one without editing it.
 */
import type { CrossReference, Path, Question, Questionnaire, Section } from './questionnaire-schema.ts';

export interface PlacedQuestion {
  question: Question;
  path: Path;
}

/** Every question of a questionnaire with its path in the file, in document order. */
export function* placedQuestions(node: Questionnaire | Section, path: Path = []): Generator<PlacedQuestion> {
  for (const [index, section] of (node.sections ?? []).entries())
    yield* placedQuestions(section, [...path, 'sections', index]);
  for (const [index, question] of (node.questions ?? []).entries())
    yield { question, path: [...path, 'questions', index] };
}

function questionIds(questionnaire: Questionnaire): Set<string> {
  return new Set([...placedQuestions(questionnaire)].map(({ question }) => question.id));
}

export interface CrossReferenceProblem {
  /** The questionnaire whose file holds the problem. */
  questionnaire: string;
  path: Path;
  message: string;
  severity: 'error' | 'warning';
}

/**
 * Checks the `alsoIn` links of `checked` against every questionnaire known
 * (`checked` and `context`): a link to a missing question is an error; a link to
 * a questionnaire that is not known is a warning, as it may simply live elsewhere.
 */
export function checkCrossReferences(
  checked: readonly Questionnaire[],
  context: readonly Questionnaire[] = [],
): CrossReferenceProblem[] {
  const known = new Map<string, Set<string>>();
  for (const questionnaire of [...context, ...checked])
    known.set(questionnaire.id, questionIds(questionnaire));
  const problems: CrossReferenceProblem[] = [];
  for (const questionnaire of checked) {
    for (const { question, path } of placedQuestions(questionnaire)) {
      (question.alsoIn ?? []).forEach((link, index) => {
        if (link.questionnaire === questionnaire.id) return;
        const ids = known.get(link.questionnaire);
        const at = [...path, 'alsoIn', index];
        if (!ids)
          problems.push({
            questionnaire: questionnaire.id,
            path: [...at, 'questionnaire'],
            message: `alsoIn: questionnaire "${link.questionnaire}" is not among the questionnaires known here`,
            severity: 'warning',
          });
        else if (!ids.has(link.question))
          problems.push({
            questionnaire: questionnaire.id,
            path: [...at, 'question'],
            message: `alsoIn: questionnaire "${link.questionnaire}" has no question "${link.question}"`,
            severity: 'error',
          });
      });
    }
  }
  return problems;
}

const keyOf = (questionnaire: string, question: string) => `${questionnaire}/${question}`;

/**
 * For each item (keyed `questionnaire/question`), the items of other
 * questionnaires that assess the same thing: links declared on either side,
 * once each. A link into a questionnaire of the list must name one of its
 * questions; a link into one not in the list is kept, as it cannot be checked.
 */
export function crossReferenceIndex(
  questionnaires: readonly Questionnaire[],
): ReadonlyMap<string, readonly CrossReference[]> {
  const ids = new Map(questionnaires.map((questionnaire) => [questionnaire.id, questionIds(questionnaire)]));
  const index = new Map<string, CrossReference[]>();
  const add = (from: CrossReference, to: CrossReference) => {
    const list = index.get(keyOf(from.questionnaire, from.question)) ?? [];
    if (!list.some((link) => link.questionnaire === to.questionnaire && link.question === to.question))
      list.push(to);
    index.set(keyOf(from.questionnaire, from.question), list);
  };
  for (const questionnaire of questionnaires) {
    for (const { question } of placedQuestions(questionnaire)) {
      for (const link of question.alsoIn ?? []) {
        const target = ids.get(link.questionnaire);
        if (link.questionnaire === questionnaire.id || (target && !target.has(link.question))) continue;
        const self = { questionnaire: questionnaire.id, question: question.id };
        add(self, link);
        add(link, self);
      }
    }
  }
  return index;
}

/** The items of other questionnaires linked to one item. */
export function crossReferencesOf(
  index: ReadonlyMap<string, readonly CrossReference[]>,
  questionnaire: string,
  question: string,
): readonly CrossReference[] {
  return index.get(keyOf(questionnaire, question)) ?? [];
}
