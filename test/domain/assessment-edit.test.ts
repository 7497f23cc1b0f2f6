import { describe, expect, it } from 'vitest';

import { answerOf, applyAnswer, createAssessment } from '../../src/domain/assessment-edit.ts';
import { assessmentSchema } from '../../src/domain/assessment-schema.ts';

const base = createAssessment({
  id: 'a1',
  now: '2026-01-01T00:00:00Z',
  questionnaire: { id: 'rm-core', version: '1.0.0' },
  title: 'Baseline',
  administration: 'Example Customs',
  respondent: { id: 'r1', name: 'Targeting centre', role: '', unit: 'NTC' },
});

describe('editing an assessment', () => {
  it('creates a file of the SPEC §3 format', () => {
    expect(assessmentSchema.parse(base)).toMatchObject({
      format: 'cairn.assessment',
      formatVersion: 1,
      consolidation: 'median',
      respondents: [{ id: 'r1', name: 'Targeting centre', unit: 'NTC' }],
    });
    expect(base.respondents[0]).not.toHaveProperty('role');
  });

  it('keeps one entry per (question, respondent), stamped with the time of the edit', () => {
    let next = applyAnswer(base, 'q1', 'r1', { value: 3 }, '2026-01-02T00:00:00Z');
    next = applyAnswer(next, 'q1', 'r1', { note: 'seen the manual' }, '2026-01-03T00:00:00Z');
    expect(next.answers).toEqual([
      {
        question: 'q1',
        respondent: 'r1',
        value: 3,
        note: 'seen the manual',
        updated: '2026-01-03T00:00:00Z',
      },
    ]);
    expect(next.updated).toBe('2026-01-03T00:00:00Z');
    expect(base.answers).toEqual([]);
  });

  it('clears a value, a flag or a note when it is emptied, but keeps a boolean false', () => {
    let next = applyAnswer(base, 'q1', 'r1', { value: 3, insufficient: true, note: 'x' }, 't1');
    next = applyAnswer(next, 'q1', 'r1', { value: undefined, insufficient: false, note: '' }, 't2');
    expect(answerOf(next, 'q1', 'r1')).toEqual({ question: 'q1', respondent: 'r1', updated: 't2' });
    next = applyAnswer(next, 'q2', 'r1', { value: false }, 't3');
    expect(answerOf(next, 'q2', 'r1')?.value).toBe(false);
  });
});
