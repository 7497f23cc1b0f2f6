import { describe, expect, it } from 'vitest';

import type { Assessment } from '../../src/domain/assessment.ts';
import { compareAssessments, groupFigures, positionIn, quantile } from '../../src/domain/compare.ts';
import { buildModel } from '../../src/domain/model.ts';
import type { Questionnaire } from '../../src/domain/questionnaire-schema.ts';

const levels = { 1: 'a', 2: 'b', 3: 'c', 4: 'd', 5: 'e' };
const model = buildModel({
  id: 'q',
  version: '2.0.0',
  locales: ['en'],
  title: 'Q',
  scales: { default: { levels: [1, 2, 3, 4, 5].map((value) => ({ value, label: `L${value}` })) } },
  sections: [
    {
      id: 'one',
      title: 'One',
      questions: [
        { id: 'a', type: 'level', prompt: 'a', levels, replaces: ['old-a'] },
        { id: 'b', type: 'level', prompt: 'b', levels },
      ],
    },
  ],
} as unknown as Questionnaire);

const file = (version: string, values: Record<string, number>): Assessment => ({
  format: 'cairn.assessment',
  formatVersion: 1,
  questionnaire: { id: 'q', version },
  respondents: [{ id: 'r1' }],
  answers: Object.entries(values).map(([question, value]) => ({ question, respondent: 'r1', value })),
  consensus: [],
  targets: {},
});

describe('baseline against follow-up', () => {
  it('gives the change of every node, after bringing an older file to the current version', () => {
    const baseline = file('1.0.0', { 'old-a': 2, retired: 3 });
    const frozen = JSON.stringify(baseline);
    const comparison = compareAssessments(model, baseline, file('2.0.0', { a: 4, b: 3 }));
    expect(comparison.overall.delta).toBeCloseTo(1.5); // one: 2 → mean(4, 3) = 3.5
    expect(comparison.nodes.map((node) => [node.id, node.delta])).toEqual([
      ['one', 1.5],
      ['a', 2],
      ['b', null],
    ]);
    expect(comparison.migrations.before).toMatchObject({ renamed: [['old-a', 'a']], dropped: ['retired'] });
    expect(comparison.migrations.after).toBeUndefined();
    expect(comparison.newItems).toEqual(['b']);
    expect(JSON.stringify(baseline)).toBe(frozen);
  });
});

describe('group figures', () => {
  it('computes the median and quartiles by interpolation', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(groupFigures([3, null, 1, 2, 4])).toEqual({ count: 4, median: 2.5, q1: 1.75, q3: 3.25 });
  });

  it('shows nothing for fewer than three administrations', () => {
    expect(groupFigures([2, 4])).toBeNull();
    expect(groupFigures([2, null, undefined, 4])).toBeNull();
  });

  it('places a score against the middle half of the group', () => {
    const group = groupFigures([1, 2, 3, 4, 5])!;
    expect([1, 3, 5].map((score) => positionIn(score, group))).toEqual(['low', 'middle', 'high']);
    expect(positionIn(3, null)).toBeNull();
  });
});
