import { describe, expect, it } from 'vitest';

import type { Assessment } from '../../src/domain/assessment.ts';
import { buildModel } from '../../src/domain/model.ts';
import type { Questionnaire } from '../../src/domain/questionnaire-schema.ts';
import { scoreAssessment, visibleQuestions } from '../../src/domain/scoring.ts';

const questionnaire = {
  id: 'q',
  version: '1.0.0',
  locales: ['en'],
  title: 'Q',
  scales: {
    default: {
      levels: [
        { value: 0, label: 'no' },
        { value: 1, label: 'yes' },
      ],
    },
  },
  sections: [
    {
      id: 's',
      title: 'S',
      questions: [
        { id: 'has-unit', type: 'boolean', prompt: 'Unit?' },
        { id: 'unit-size', type: 'number', prompt: 'Staff', showIf: 'has-unit == true' },
        {
          id: 'unit-level',
          type: 'level',
          prompt: 'Level',
          levels: { 0: 'a', 1: 'b' },
          showIf: 'has-unit == true',
        },
        { id: 'note', type: 'text', prompt: 'Remarks' },
      ],
    },
  ],
} as unknown as Questionnaire;
const model = buildModel(questionnaire);

const assessment = (answers: Assessment['answers']): Assessment => ({
  format: 'cairn.assessment',
  formatVersion: 1,
  questionnaire: { id: 'q', version: '1.0.0' },
  respondents: [{ id: 'r1' }, { id: 'r2' }],
  answers,
  consensus: [],
  targets: {},
});

describe('visibleQuestions (SPEC §4.3, §4.4)', () => {
  it('shows unscored items too, and hides a showIf that holds on no sheet', () => {
    expect([...visibleQuestions(model, assessment([]))].sort()).toEqual(['has-unit', 'note']);
  });

  it('shows an item when its showIf holds on any respondent’s sheet', () => {
    const visible = visibleQuestions(
      model,
      assessment([
        { question: 'has-unit', respondent: 'r1', value: false },
        { question: 'has-unit', respondent: 'r2', value: true },
      ]),
    );
    expect([...visible].sort()).toEqual(['has-unit', 'note', 'unit-level', 'unit-size']);
  });

  it('agrees with the scoring engine on which scored items are nodes', () => {
    const file = assessment([
      { question: 'has-unit', respondent: 'r1', value: false },
      { question: 'unit-level', respondent: 'r1', value: 1 },
    ]);
    const visible = visibleQuestions(model, file);
    const nodes = Object.keys(scoreAssessment(model, file).nodes);
    for (const id of ['has-unit', 'unit-level']) expect(visible.has(id)).toBe(nodes.includes(id));
    // The score result carries the same set, for pages that need both.
    expect(scoreAssessment(model, file).visible).toEqual(visible);
    // The hidden answer is kept in the file but not counted.
    expect(scoreAssessment(model, file).overall.answered).toBe(1);
  });
});
