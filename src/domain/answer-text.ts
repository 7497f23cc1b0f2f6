/** An answer's value in the reader's words, the same wherever an answer is shown. */
import type { AnswerValue } from './assessment.ts';
import type { QuestionModel } from './model.ts';
import type { Text } from './text.ts';

export interface AnswerWords {
  readonly yes: string;
  readonly no: string;
}

/**
 * Option labels for `choice` and `multi` (an unknown id as it is), yes or no,
 * and numbers and texts as they are; without the question, option ids.
 */
export function valueText(
  question: QuestionModel | undefined,
  value: AnswerValue,
  words: AnswerWords,
  text: (value: Text | undefined) => string,
): string {
  const option = (id: string) => {
    const found = question?.source.options?.find((candidate) => candidate.id === id);
    return found ? text(found.label) : id;
  };
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) return value.map(option).join('; ');
  if (typeof value === 'string' && question?.type === 'choice') return option(value);
  return String(value);
}
