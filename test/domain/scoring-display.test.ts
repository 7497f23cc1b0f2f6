import { describe, expect, it } from 'vitest';

import { formatScore } from '../../src/domain/scoring.ts';
import { assessment, node, questionnaire, score } from './helpers.ts';

describe('SPEC §4.6 display: numbers', () => {
  it.each([
    [2.45, '2.5'],
    [2.44, '2.4'],
    [-0.25, '-0.2'],
    [-0.04, '0.0'],
    [-0.05, '0.0'],
    [-0.06, '-0.1'],
    [0, '0.0'],
    [3, '3.0'],
    [2.4499999999999, '2.5'],
    [10.95, '11.0'],
    [1 / 3, '0.3'],
  ])('shows %d as %s', (value, shown) => {
    expect(formatScore(value)).toBe(shown);
  });
});

const letters = {
  display: 'label',
  levels: ['D', 'C', 'B', 'A'].map((label, index) => ({ value: index + 1, label })),
};
const pefa = (scoring: Record<string, unknown>, count: number) =>
  questionnaire({
    scales: { default: letters },
    sections: [
      {
        id: 'pi',
        title: 'Performance indicator',
        scoring,
        questions: Array.from({ length: count }, (_, index) => ({
          id: `d${index + 1}`,
          type: 'level',
          prompt: `Dimension ${index + 1}`,
          levels: { 1: 'd', 2: 'c', 3: 'b', 4: 'a' },
        })),
      },
    ],
  });
const grades = { A: 4, B: 3, C: 2, D: 1 } as const;
const rate = (scoring: Record<string, unknown>, dims: string) => {
  const q = pefa(scoring, dims.length);
  const answers = [...dims].map((grade, index) => ({
    question: `d${index + 1}`,
    value: grades[grade as keyof typeof grades],
  }));
  return node(score(q, assessment(q, answers)), 'pi');
};

describe('SPEC §4.6 display: letters, PEFA M1 (weakest link with +)', () => {
  it.each([
    ['ABC', 'C+'],
    ['CC', 'C'],
    ['DA', 'D+'],
    ['AAA', 'A'],
    ['BBD', 'D+'],
  ])('rates dimensions %s as %s', (dims, shown) => {
    expect(rate({ method: 'min', plus: true }, dims).display).toBe(shown);
  });

  it('adds no + without plus: true', () => {
    expect(rate({ method: 'min' }, 'ABC').display).toBe('C');
  });
});

describe('SPEC §4.6 display: letters, PEFA M2 (average rounded half-up)', () => {
  it.each([
    ['ACC', 'B', 3],
    ['BBCC', 'C+', 2.5],
    ['BCD', 'C', 2],
    ['AD', 'C+', 2.5],
    ['ABD', 'B', 3],
    ['AAAB', 'A', 4],
  ])('rates dimensions %s as %s', (dims, shown, value) => {
    const result = rate({ method: 'mean', rounding: 'half-up' }, dims);
    expect(result.display).toBe(shown);
    expect(result.score).toBeCloseTo(value, 12);
  });

  it('shows a score that is neither a value nor a half-way point as a number', () => {
    expect(rate({ method: 'mean' }, 'ACC').display).toBe('2.7');
  });

  it('shows a level item half-way between two values with the lower label and +', () => {
    const q = pefa({}, 1);
    const result = score(
      q,
      assessment(q, [
        { question: 'd1', respondent: 'a', value: 3 },
        { question: 'd1', respondent: 'b', value: 4 },
      ]),
    );
    expect(node(result, 'd1').display).toBe('B+');
  });

  it('always shows a sum as a number', () => {
    const result = rate({ method: 'sum' }, 'AB');
    expect(result.display).toBe('7.0');
  });
});
