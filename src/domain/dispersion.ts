/**
 * How far respondents disagree on an item: the spread of their item scores
 * (N/A and answers without a value left out), as a mission team reads it.
 */
import type { CountedAnswer } from './answers.ts';
import type { QuestionModel } from './model.ts';
import { valueScore } from './scoring.ts';

export interface Spread {
  /** The item scores of the answers that have a value, in respondent order. */
  readonly values: readonly number[];
  /** Highest minus lowest; 0 with fewer than two values. */
  readonly range: number;
  /** Population standard deviation; 0 with fewer than two values. */
  readonly deviation: number;
}

export function spreadOf(question: QuestionModel, answers: readonly CountedAnswer[]): Spread {
  const values = answers
    // N/A and answers without a value say nothing about where the item stands.
    .map((answer) =>
      answer.na || answer.value === undefined ? undefined : valueScore(question, answer.value),
    )
    .filter((v): v is number => v !== undefined);
  if (values.length < 2) return { values, range: 0, deviation: 0 };
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return { values, range: Math.max(...values) - Math.min(...values), deviation: Math.sqrt(variance) };
}
