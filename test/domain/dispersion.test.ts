import { describe, expect, it } from 'vitest';

import type { CountedAnswer } from '../../src/domain/answers.ts';
import { spreadOf } from '../../src/domain/dispersion.ts';
import { buildModel } from '../../src/domain/model.ts';
import type { Questionnaire } from '../../src/domain/questionnaire-schema.ts';

const model = buildModel({
  id: 'q',
  version: '1.0.0',
  locales: ['en'],
  title: 'Q',
  scales: { default: { levels: [1, 2, 3, 4, 5].map((value) => ({ value, label: `L${value}` })) } },
  sections: [
    {
      id: 's',
      title: 'S',
      questions: [
        { id: 'lvl', type: 'level', prompt: 'p', levels: { 1: 'a', 2: 'b', 3: 'c', 4: 'd', 5: 'e' } },
        {
          id: 'pick',
          type: 'choice',
          prompt: 'p',
          options: [
            { id: 'no', label: 'No', score: 0 },
            { id: 'yes', label: 'Yes', score: 1 },
          ],
        },
      ],
    },
  ],
} as unknown as Questionnaire);

const answer = (value: CountedAnswer['value'], na = false): CountedAnswer => ({
  value,
  na,
  insufficient: false,
  respondent: 'r',
  note: undefined,
});

describe('spread of answers', () => {
  it('gives the range and population standard deviation of the item scores', () => {
    const spread = spreadOf(model.questions.get('lvl')!, [answer(1), answer(3), answer(5), answer(3)]);
    expect(spread.values).toEqual([1, 3, 5, 3]);
    expect(spread.range).toBe(4);
    expect(spread.deviation).toBeCloseTo(Math.sqrt(2)); // mean 3; (4 + 0 + 4 + 0) / 4 = 2
  });

  it('leaves out N/A and answers without a value, and scores options', () => {
    const level = spreadOf(model.questions.get('lvl')!, [answer(2), answer(undefined), answer(5, true)]);
    expect(level).toEqual({ values: [2], range: 0, deviation: 0 });
    expect(spreadOf(model.questions.get('pick')!, [answer('no'), answer('yes')]).range).toBe(1);
  });
});
