/**
 * How far respondents disagree on an item: the spread of their item scores
 * (N/A and answers without a value left out), as a mission team reads it.
 */
import type { CountedAnswer } from './answers.ts';
import type { QuestionModel } from './model.ts';

export interface Spread {
  /** The item scores of the answers that have a value, in respondent order. */
  readonly values: readonly number[];
  /** Highest minus lowest; 0 with fewer than two values. */
  readonly range: number;
  /** Population standard deviation; 0 with fewer than two values. */
  readonly deviation: number;
}

/** The item score of one answer's value, as SPEC §4.2 gives it; undefined without one. */
export function valueScore(question: QuestionModel, answer: CountedAnswer): number | undefined {
  const value = answer.value;
  if (answer.na || value === undefined) return undefined;
  switch (question.type) {
    case 'level':
      return typeof value === 'number' ? value : undefined;
    case 'choice':
      return typeof value === 'string' ? question.optionScores.get(value) : undefined;
    case 'multi': {
      if (!Array.isArray(value)) return undefined;
      const sum = [...new Set(value)].reduce((total, id) => total + (question.optionScores.get(id) ?? 0), 0);
      return Math.min(question.max, Math.max(0, sum));
    }
    case 'boolean':
      return value === true
        ? question.booleanScores.true
        : value === false
          ? question.booleanScores.false
          : undefined;
    default:
      return undefined;
  }
}

export function spreadOf(question: QuestionModel, answers: readonly CountedAnswer[]): Spread {
  const values = answers
    .map((answer) => valueScore(question, answer))
    .filter((v): v is number => v !== undefined);
  if (values.length < 2) return { values, range: 0, deviation: 0 };
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return { values, range: Math.max(...values) - Math.min(...values), deviation: Math.sqrt(variance) };
}
